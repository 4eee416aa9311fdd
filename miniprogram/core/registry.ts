/**
 * The youth database over time (issue 14): who is active and who is an alumnus (校友), when a record goes stale,
 * and what a new period changes. Pure: callers pass `now`.
 */
import { addYears, chinaDate, type IsoDate } from './china-time';
import type { PeriodRules } from './period';

export type YouthStatus = 'active' | 'alumni';
/** Why a youth became an alumnus: left the unit, passed the period's age limit, or was selected in an ended period. */
export type AlumniReason = 'left' | 'aged_out' | 'period_end';
export type YouthEvent =
  | 'imported'
  | 'updated'
  | 'confirmed'
  | 'change_requested'
  | 'change_approved'
  | 'change_rejected'
  | 'left'
  | 'aged_out'
  | 'period_end'
  | 'reminded';

export const STATUS_TEXT: Record<YouthStatus, string> = { active: '在册', alumni: '校友' };
export const ALUMNI_TEXT: Record<AlumniReason, string> = {
  left: '已离开单位',
  aged_out: '超过本期年龄上限',
  period_end: '往期入选',
};

/** A record not confirmed for a year is stale; the youth is asked to confirm or correct it (issue 14). */
export const STALE_AFTER_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which a confirmation is stale at `now`. */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
}

export function isStale(lastConfirmedAt: Date, now: Date): boolean {
  return lastConfirmedAt.getTime() < staleBefore(now).getTime();
}

/** The youth's yearly prompt: due when the record is stale (and they are still active). */
export function confirmationDue(record: { status: YouthStatus; lastConfirmedAt: Date }, now: Date): boolean {
  return record.status === 'active' && isStale(record.lastConfirmedAt, now);
}

/** A youth born before the period's cutoff has passed its age limit (R2.1) and leaves the active list. */
export function agedOut(birthDate: IsoDate, period: Pick<PeriodRules, 'cutoffBirthDate'>): boolean {
  return birthDate < period.cutoffBirthDate;
}

/** What becomes of an active record when a new period opens: aged out, or still active. */
export function rolloverStatus(
  record: { status: YouthStatus; birthDate: IsoDate },
  next: Pick<PeriodRules, 'cutoffBirthDate'>,
): AlumniReason | null {
  if (record.status !== 'active') return null;
  return agedOut(record.birthDate, next) ? 'aged_out' : null;
}

/** The rules a city admin sets when opening a period, with their Chinese labels (the form and the diff). */
export const PERIOD_FIELDS = {
  name: '期次名称',
  referenceDate: '年龄计算基准日',
  cutoffBirthDate: '出生日期下限（含）',
  nominationOpensAt: '推荐开始',
  nominationDeadline: '推荐截止',
  filingDeadline: '备案截止',
  quotaRatio: '名额比例（每 N 名青年 1 名）',
  partyAgeLimit: '推优入党年龄上限',
  target: '全市选培目标人数',
  retentionDays: '撤回记录保留天数',
} as const satisfies Partial<Record<keyof PeriodRules, string>>;
export type PeriodField = keyof typeof PERIOD_FIELDS;
export type PeriodForm = Pick<PeriodRules, PeriodField>;

export interface PeriodChange {
  field: PeriodField;
  label: string;
  before: string;
  after: string;
}

const shown = (value: string | number): string => {
  if (typeof value === 'number') return String(value);
  // Instants are stored as +08:00 ISO strings: show their China date.
  if (/T/.test(value)) return chinaDate(new Date(value));
  return value;
};

/** What the new period changes from the last one (the form shows it before the city confirms). */
export function periodDiff(prev: PeriodForm | null, next: PeriodForm): PeriodChange[] {
  return (Object.keys(PERIOD_FIELDS) as PeriodField[])
    .filter((f) => prev === null || shown(prev[f]) !== shown(next[f]))
    .map((f) => ({
      field: f,
      label: PERIOD_FIELDS[f],
      before: prev === null ? '—' : shown(prev[f]),
      after: shown(next[f]),
    }));
}

/** The next period's rules as the form starts them: everything three years on (R1.1), the ratios unchanged. */
export function nextPeriodDraft(prev: PeriodForm): PeriodForm {
  const year = Number(prev.referenceDate.slice(0, 4)) + 3;
  const shift = (iso: string) => {
    const d = new Date(iso);
    const moved = new Date(d.getTime());
    moved.setUTCFullYear(d.getUTCFullYear() + 3);
    return moved.toISOString();
  };
  return {
    ...prev,
    name: `${year}年“百行百业——千名‘好青年’”选培计划`,
    referenceDate: addYears(prev.referenceDate, 3),
    cutoffBirthDate: addYears(prev.cutoffBirthDate, 3),
    nominationOpensAt: shift(prev.nominationOpensAt),
    nominationDeadline: shift(prev.nominationDeadline),
    filingDeadline: shift(prev.filingDeadline),
  };
}

const CHANGE_EVENTS: readonly YouthEvent[] = ['change_requested', 'change_approved', 'change_rejected'];

/** The refusal of the youth's last change request, if that is where it ended (the reason is the entry's note). */
export function lastRefusal<E extends { event: YouthEvent; at: Date; note?: string | null }>(
  history: readonly E[],
): { reason: string; at: Date } | null {
  const last = [...history].reverse().find((h) => CHANGE_EVENTS.includes(h.event));
  return last?.event === 'change_rejected' ? { reason: last.note ?? '', at: last.at } : null;
}
