/**
 * Cultivation and Party recommendation (培养锻炼 R5.1, R5.3; 推优入党 R6, issue 13): the measures a unit takes for
 * its 好青年, the transition tables of a measure and of Party development, the League route for youths aged 28
 * or under, the warning ahead of the 28th birthday, and the coverage figures. Pure: no clock, no store.
 */
import { addYears, fullYears, type IsoDate } from './china-time';
import { allows, type TransitionTable } from './workflow';

// ---- measures (培养锻炼) ------------------------------------------------------------------------------------

/** The form's vocabulary lives with the form (the phone carries only it): the kinds, whom a talk is with. */
export {
  MEASURE_KINDS,
  MEASURE_KIND_LABELS,
  TALK_WITH,
  TALK_WITH_LABELS,
  type MeasureKind,
  type TalkWith,
} from './contracts/cultivation-forms';
import type { MeasureKind } from './contracts/cultivation-forms';

export const MEASURE_STATUSES = ['pending', 'confirmed', 'declined'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  pending: '待单位确认',
  confirmed: '已确认',
  declined: '未予确认',
};
export type MeasureEvent = 'confirm' | 'decline';
export type MeasureRequirement = 'reason';

/**
 * A unit admin's record is confirmed when written; a youth's own record (a training certificate) waits for the
 * unit, which confirms it or declines it with a reason.
 */
export const MEASURE_FLOW = [
  { from: ['pending'], event: 'confirm', to: 'confirmed' },
  { from: ['pending'], event: 'decline', to: 'declined', requires: ['reason'] },
] as const satisfies TransitionTable<MeasureStatus, MeasureEvent, MeasureRequirement>;

export const canDecideMeasure = (s: MeasureStatus): boolean => allows(MEASURE_FLOW, s, 'confirm');

// ---- Party development (推优入党) -----------------------------------------------------------------------------

export const PARTY_STAGES = ['applicant', 'recommended', 'activist', 'candidate', 'probationary', 'member'] as const;
export type PartyStage = (typeof PARTY_STAGES)[number];
export const PARTY_STAGE_LABELS: Record<PartyStage, string> = {
  applicant: '入党申请人',
  recommended: '已推优',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  member: '正式党员',
};
export type PartyEvent = 'recommend' | 'activate' | 'designate' | 'admit' | 'confirm';
export const PARTY_EVENT_LABELS: Record<PartyEvent, string> = {
  recommend: '团组织推优',
  activate: '确定为入党积极分子',
  designate: '列为发展对象',
  admit: '接收为预备党员',
  confirm: '转为正式党员',
};
/**
 * `leagueMember` the youth is a League member (共青团员); `quota` a place of the unit's separate quota (名额单列)
 * taken for a 好青年 where the unit has one; `leagueRoute` the age gate (`leagueRouteGap`).
 */
export type PartyRequirement = 'leagueMember' | 'quota' | 'leagueRoute';

/**
 * R6.1: an applicant is recommended by the League (推优) as a League member, then becomes an activist; an
 * applicant older than 28 may become an activist without it (the `leagueRoute` check refuses anyone 28 or under).
 */
export const PARTY_FLOW = [
  { from: ['applicant'], event: 'recommend', to: 'recommended', requires: ['leagueMember', 'quota'] },
  { from: ['recommended'], event: 'activate', to: 'activist', requires: ['leagueRoute'] },
  { from: ['applicant'], event: 'activate', to: 'activist', requires: ['leagueRoute'] },
  { from: ['activist'], event: 'designate', to: 'candidate' },
  { from: ['candidate'], event: 'admit', to: 'probationary' },
  { from: ['probationary'], event: 'confirm', to: 'member' },
] as const satisfies TransitionTable<PartyStage, PartyEvent, PartyRequirement>;

export const partyEventsFrom = (stage: PartyStage): PartyEvent[] =>
  PARTY_FLOW.filter((r) => (r.from as readonly PartyStage[]).includes(stage)).map((r) => r.event);

/** The League age: R6.1 applies to youths aged 28 or under (周岁, counted on the China date of the step). */
export const LEAGUE_AGE = 28;

/** Whether the League route (member + 推优) is required on `today` for someone born on `birthDate`. */
export function leagueRouteRequired(birthDate: IsoDate, today: IsoDate): boolean {
  return fullYears(birthDate, today) <= LEAGUE_AGE;
}

export type LeagueRouteGap = 'not_league_member' | 'not_recommended';

/** Why becoming an activist on `today` is refused by R6.1, or null when it is allowed. */
export function leagueRouteGap(
  p: { birthDate: IsoDate; leagueMember: boolean; recommended: boolean },
  today: IsoDate,
): LeagueRouteGap | null {
  if (!leagueRouteRequired(p.birthDate, today)) return null;
  if (!p.recommended) return p.leagueMember ? 'not_recommended' : 'not_league_member';
  return null;
}

/** The day of the 28th birthday (29 February → 28 February in a common year). */
export const leagueBirthday = (birthDate: IsoDate): IsoDate => addYears(birthDate, LEAGUE_AGE);

/** Stages in which a youth still needs 推优 before the 28th birthday: the warning's audience. */
export const EARLY_STAGES: readonly PartyStage[] = ['applicant'];

/** Days ahead of the 28th birthday at which the unit and the youth are warned. */
export const WARN_DAYS = 60;

/** Whether a youth at `stage` born on `birthDate` is due the warning on `today` (inside the window, not past). */
export function dueForWarning(stage: PartyStage, birthDate: IsoDate, today: IsoDate): boolean {
  if (!EARLY_STAGES.includes(stage)) return false;
  const birthday = leagueBirthday(birthDate);
  return today < birthday && addDays(today, WARN_DAYS) >= birthday;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The 好青年 first, then the further stage, then the name (the cadres' pipeline, R6.2). */
export function pipelineOrder(
  a: { selected: boolean; stage: PartyStage; name: string },
  b: { selected: boolean; stage: PartyStage; name: string },
): number {
  if (a.selected !== b.selected) return a.selected ? -1 : 1;
  const s = PARTY_STAGES.indexOf(b.stage) - PARTY_STAGES.indexOf(a.stage);
  return s !== 0 ? s : a.name.localeCompare(b.name, 'zh-Hans-CN');
}

// ---- reserve cadres (后备干部, R5.2) ---------------------------------------------------------------------------

export const RESERVE_STATUSES = ['nominated', 'pool', 'inspection', 'appointed', 'withdrawn'] as const;
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];
export const RESERVE_STATUS_LABELS: Record<ReserveStatus, string> = {
  nominated: '已推荐',
  pool: '入库',
  inspection: '考察中',
  appointed: '已任用',
  withdrawn: '已退出',
};
export type ReserveEvent = 'admit' | 'inspect' | 'appoint' | 'withdraw';
export const RESERVE_EVENT_LABELS: Record<ReserveEvent, string> = {
  admit: '纳入后备干部库',
  inspect: '启动考察',
  appoint: '任用',
  withdraw: '退出',
};

/**
 * A unit nominates a 好青年 as a reserve cadre; the district (or the city) admits them to the pool, inspects and
 * appoints them, or withdraws them at any step before the appointment. Every move carries a reason and who decided.
 */
export const RESERVE_FLOW = [
  { from: ['nominated'], event: 'admit', to: 'pool', requires: ['reason'] },
  { from: ['pool'], event: 'inspect', to: 'inspection', requires: ['reason'] },
  { from: ['inspection'], event: 'appoint', to: 'appointed', requires: ['reason'] },
  { from: ['nominated', 'pool', 'inspection'], event: 'withdraw', to: 'withdrawn', requires: ['reason'] },
] as const satisfies TransitionTable<ReserveStatus, ReserveEvent, 'reason'>;

export const reserveEventsFrom = (s: ReserveStatus): ReserveEvent[] =>
  RESERVE_FLOW.filter((r) => (r.from as readonly ReserveStatus[]).includes(s)).map((r) => r.event);

/** Statuses in which a youth is in the running (a second nomination is refused). */
export const OPEN_RESERVE: readonly ReserveStatus[] = ['nominated', 'pool', 'inspection', 'appointed'];

// ---- coverage ------------------------------------------------------------------------------------------------

/** Months a talk with the unit head counts for; a youth with no measure for a year is idle. */
export const TALK_MONTHS = 6;
export const IDLE_MONTHS = 12;

/** `date` moved back by `months` calendar months (31 August − 6 months = 28 or 29 February). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface MeasureFact {
  kind: MeasureKind;
  status: MeasureStatus;
  startDate: IsoDate;
}

/** What coverage needs of one youth: a confirmed talk in the last six months, any confirmed measure in a year. */
export function youthCoverage(
  measures: readonly MeasureFact[],
  today: IsoDate,
): { talkedRecently: boolean; idle: boolean; lastMeasure: IsoDate | null } {
  const confirmed = measures.filter((m) => m.status === 'confirmed' && m.startDate <= today);
  const talkFrom = monthsBefore(today, TALK_MONTHS);
  const idleFrom = monthsBefore(today, IDLE_MONTHS);
  const last = confirmed.reduce<IsoDate | null>(
    (acc, m) => (acc === null || m.startDate > acc ? m.startDate : acc),
    null,
  );
  return {
    talkedRecently: confirmed.some((m) => m.kind === 'talk' && m.startDate >= talkFrom),
    idle: last === null || last < idleFrom,
    lastMeasure: last,
  };
}

/** A share as a whole percentage (0 of 0 is 0%). */
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part * 100) / whole));

// ---- honours campaigns (R5.2) --------------------------------------------------------------------------------

/**
 * A campaign's criteria: the political statuses it admits (empty: any), the oldest age and the fewest whole years
 * in the current post, both on its closing date (null: no limit).
 */
export interface CampaignCriteria {
  politicalStatuses: readonly string[];
  maxAge: number | null;
  minYearsInPost: number | null;
}

/**
 * Whether a youth meets a campaign's criteria on its closing date. `postSince` is the day the youth took up the
 * current post (the youth record, 任现岗位时间); a youth without one does not meet a years-in-post criterion.
 */
export function meetsCriteria(
  c: CampaignCriteria,
  y: { politicalStatus: string; birthDate: IsoDate; postSince: IsoDate | null },
  closingDate: IsoDate,
): boolean {
  if (c.politicalStatuses.length > 0 && !c.politicalStatuses.includes(y.politicalStatus)) return false;
  if (c.maxAge !== null && fullYears(y.birthDate, closingDate) > c.maxAge) return false;
  if (c.minYearsInPost === null) return true;
  return y.postSince !== null && fullYears(y.postSince, closingDate) >= c.minYearsInPost;
}

/** A cultivation record's weight in a shortlist: confirmed measures, a talk and a League secondment count double. */
export function cultivationScore(measures: readonly MeasureFact[]): number {
  return measures
    .filter((m) => m.status === 'confirmed')
    .reduce((s, m) => s + (m.kind === 'talk' || m.kind === 'league_secondment' ? 2 : 1), 0);
}
