/**
 * Services (综合服务, issue 12; R7.2, R7.3): the catalogue of service types as data the city maintains, the request
 * lifecycle as one transition table, the time limits in working days (督办), and the pure rules the server and the
 * pages share. Pure: no clock (take `now`), no store, no calendar of its own (take a `WorkdayCalendar`).
 */
import type { IsoDate } from './china-time';
import { allows, type TransitionTable } from './workflow';
import { workingDeadline, type WorkdayCalendar } from './working-days';

// ---- the catalogue ------------------------------------------------------------------------------------------

/** Which level owns a type's requests: the youth's district (its League committee), or the city. */
export type ServiceOwner = 'district' | 'city';

/** A field a type asks for: a choice among options, or short text. */
export interface ServiceField {
  key: string;
  label: string;
  kind: 'choice' | 'text';
  options?: string[];
  required: boolean;
}

/** One type of the catalogue as the phone and the rules see it (the handlers stay on the server). */
export interface ServiceTypeSpec {
  id: string;
  name: string;
  description: string;
  owner: ServiceOwner;
  /** Working days from submission to resolution. */
  limitDays: number;
  /** Dating, children: their own consent, contents only to that type's handlers. */
  sensitive: boolean;
  fields: ServiceField[];
  active: boolean;
  order: number;
}

export const FIELD_TEXT_MAX = 40;
export const DESCRIPTION_MAX = 300;
/** Working days a request may wait to be accepted. */
export const ACCEPT_LIMIT_DAYS = 1;
/** Days after resolution within which the youth may reopen it. */
export const REOPEN_DAYS = 7;

const BUDGETS = ['2000元/月以下', '2000–4000元/月', '4000元/月以上', '150万元以下', '150–300万元', '300万元以上'];
const DISTRICT_NAMES = ['越城区', '柯桥区', '上虞区', '诸暨市', '嵊州市', '新昌县'];

/** The six types of R7.2 the city starts with (the demo seed writes them; the city edits them). */
export const DEFAULT_CATALOGUE: readonly ServiceTypeSpec[] = [
  {
    id: 'housing',
    name: '租房置业',
    description: '人才公寓、租房补贴、购房政策咨询与对接',
    owner: 'district',
    limitDays: 10,
    sensitive: false,
    fields: [
      { key: 'mode', label: '需求', kind: 'choice', options: ['租房', '购房'], required: true },
      { key: 'district', label: '意向区域', kind: 'choice', options: DISTRICT_NAMES, required: true },
      { key: 'budget', label: '预算范围', kind: 'choice', options: BUDGETS, required: true },
    ],
    active: true,
    order: 1,
  },
  {
    id: 'children',
    name: '子女教育',
    description: '子女入托、入学、转学政策咨询与协调',
    owner: 'district',
    limitDays: 10,
    sensitive: true,
    fields: [
      {
        key: 'age',
        label: '子女年龄段',
        kind: 'choice',
        options: ['0–3岁', '3–6岁', '6–12岁', '12–15岁', '15–18岁'],
        required: true,
      },
      {
        key: 'stage',
        label: '学段',
        kind: 'choice',
        options: ['托育', '幼儿园', '小学', '初中', '高中'],
        required: true,
      },
    ],
    active: true,
    order: 2,
  },
  {
    id: 'dating',
    name: '婚恋交友',
    description: '青年联谊、婚恋交友活动报名与对接',
    owner: 'city',
    limitDays: 5,
    sensitive: true,
    fields: [
      {
        key: 'way',
        label: '希望参加',
        kind: 'choice',
        options: ['联谊活动', '一对一介绍', '婚恋讲座'],
        required: true,
      },
    ],
    active: true,
    order: 3,
  },
  {
    id: 'talent',
    name: '人才政策兑现',
    description: '人才补贴、津贴、落户等政策的申请指引与兑现跟进',
    owner: 'city',
    limitDays: 15,
    sensitive: false,
    fields: [
      {
        key: 'policy',
        label: '政策类别',
        kind: 'choice',
        options: ['人才安居补贴', '生活津贴', '落户', '其他'],
        required: true,
      },
      { key: 'level', label: '人才层次', kind: 'text', required: false },
    ],
    active: true,
    order: 4,
  },
  {
    id: 'skills',
    name: '技能提升',
    description: '职业技能培训、职业资格与学历提升',
    owner: 'district',
    limitDays: 10,
    sensitive: false,
    fields: [
      {
        key: 'track',
        label: '方向',
        kind: 'choice',
        options: ['数字技能', '职业资格', '学历提升', '管理能力', '其他'],
        required: true,
      },
    ],
    active: true,
    order: 5,
  },
  {
    id: 'interests',
    name: '兴趣培养',
    description: '文体、艺术、读书等兴趣活动与社团',
    owner: 'district',
    limitDays: 10,
    sensitive: false,
    fields: [
      {
        key: 'interest',
        label: '兴趣方向',
        kind: 'choice',
        options: ['文体活动', '艺术', '读书', '户外', '其他'],
        required: true,
      },
    ],
    active: true,
    order: 6,
  },
];

export interface FieldIssue {
  path: string;
  code: 'required' | 'invalid_option' | 'too_long' | 'unknown';
}

/** What is wrong with one field's value, if anything. */
function fieldIssue(f: ServiceField, raw: string | undefined): FieldIssue['code'] | null {
  const v = (raw ?? '').trim();
  if (v === '') return f.required ? 'required' : null;
  if (f.kind === 'choice' && !(f.options ?? []).includes(v)) return 'invalid_option';
  return v.length > FIELD_TEXT_MAX ? 'too_long' : null;
}

/** The type's fields filled in: every required one, options from the list, text bounded, nothing else. */
export function checkFields(fields: readonly ServiceField[], values: Record<string, string>): FieldIssue[] {
  const unknown = Object.keys(values)
    .filter((key) => !fields.some((f) => f.key === key))
    .map((key): FieldIssue => ({ path: `fields.${key}`, code: 'unknown' }));
  const wrong = fields.flatMap((f): FieldIssue[] => {
    const code = fieldIssue(f, values[f.key]);
    return code ? [{ path: `fields.${f.key}`, code }] : [];
  });
  return [...unknown, ...wrong];
}

/** "需求：租房 · 意向区域：越城区 · 预算范围：2000–4000元/月" — how a request's fields read in a list. */
export function fieldSummary(fields: readonly ServiceField[], values: Record<string, string>): string {
  return fields
    .filter((f) => (values[f.key] ?? '') !== '')
    .map((f) => `${f.label}：${values[f.key]}`)
    .join(' · ');
}

// ---- requests -----------------------------------------------------------------------------------------------

export const REQUEST_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已评价',
  declined: '不予受理',
};

export type RequestEvent = 'accept' | 'decline' | 'note' | 'resolve' | 'confirm' | 'reopen';
export const REQUEST_EVENT_LABELS: Record<RequestEvent | 'submit' | 'escalate' | 'remind', string> = {
  submit: '提交申请',
  accept: '受理',
  decline: '不予受理',
  note: '办理进展',
  resolve: '办结',
  confirm: '确认评价',
  reopen: '重新办理',
  escalate: '超时督办',
  remind: '超时提醒',
};

/**
 * What a move needs first, in order: `handler` the caller handles this type where the request is held;
 * `requester` the caller is the youth who asked; `text` a status note, a reason or what was done;
 * `rating` 1–5; `reopenWindow` within REOPEN_DAYS of the resolution.
 */
export type RequestRequirement = 'handler' | 'requester' | 'text' | 'rating' | 'reopenWindow';

/**
 * The request lifecycle (Open311 / 12345): submitted → accepted by a handler (or declined with a reason) → in
 * progress with status notes the youth reads → resolved with what was done → the youth confirms with a rating,
 * or reopens within 7 days (back to in progress, a new time limit).
 */
export const REQUEST_FLOW = [
  { from: ['submitted'], event: 'accept', to: 'accepted', requires: ['handler'] },
  { from: ['submitted'], event: 'decline', to: 'declined', requires: ['handler', 'text'] },
  { from: ['accepted', 'in_progress'], event: 'note', to: 'in_progress', requires: ['handler', 'text'] },
  { from: ['accepted', 'in_progress'], event: 'resolve', to: 'resolved', requires: ['handler', 'text'] },
  { from: ['resolved'], event: 'confirm', to: 'closed', requires: ['requester', 'rating'] },
  { from: ['resolved'], event: 'reopen', to: 'in_progress', requires: ['requester', 'text', 'reopenWindow'] },
] as const satisfies TransitionTable<RequestStatus, RequestEvent, RequestRequirement>;

/** States in which a handler still owes something (the queue's default, the timer's concern). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'accepted', 'in_progress'];

/** What a handler may do in `status` (the detail page offers these). */
export function handlerActions(status: RequestStatus): RequestEvent[] {
  return (['accept', 'decline', 'note', 'resolve'] as const).filter((e) => allows(REQUEST_FLOW, status, e));
}

/** What the youth may do: confirm, and reopen while the window is open. */
export function requesterActions(status: RequestStatus, resolvedAt: Date | null, now: Date): RequestEvent[] {
  const out: RequestEvent[] = [];
  if (allows(REQUEST_FLOW, status, 'confirm')) out.push('confirm');
  if (allows(REQUEST_FLOW, status, 'reopen') && withinReopenWindow(resolvedAt, now)) out.push('reopen');
  return out;
}

export function withinReopenWindow(resolvedAt: Date | null, now: Date): boolean {
  return resolvedAt !== null && now.getTime() <= resolvedAt.getTime() + REOPEN_DAYS * 24 * 60 * 60 * 1000;
}

// ---- time limits and escalation (督办) ---------------------------------------------------------------------

/** The deadlines of a request submitted (or reopened) at `from`. */
export function deadlines(
  from: Date,
  limitDays: number,
  isWorkday: WorkdayCalendar,
): { acceptBy: Date; resolveBy: Date } {
  return {
    acceptBy: workingDeadline(from, ACCEPT_LIMIT_DAYS, isWorkday),
    resolveBy: workingDeadline(from, limitDays, isWorkday),
  };
}

export interface Timing {
  status: RequestStatus;
  acceptBy: Date;
  resolveBy: Date;
}

/** The deadline the request is working towards now, or null once nothing is owed. */
export function dueOf(t: Timing): Date | null {
  if (t.status === 'submitted') return t.acceptBy;
  return OPEN_STATUSES.includes(t.status) ? t.resolveBy : null;
}

/** Overdue: not accepted within a working day, or not resolved by its limit. */
export function isOverdue(t: Timing, now: Date): boolean {
  const due = dueOf(t);
  return due !== null && now.getTime() > due.getTime();
}

export type TimerStage = 'accept' | 'resolve';

export interface TimerState extends Timing {
  level: ServiceOwner;
  escalated: boolean;
  remindedAccept: boolean;
  remindedResolve: boolean;
}

/** When the timer should look at a request next: its next deadline not yet acted on; null when none is left. */
export function nextCheck(t: TimerState): Date | null {
  if (!OPEN_STATUSES.includes(t.status)) return null;
  if (t.status === 'submitted' && !t.remindedAccept) return t.acceptBy;
  return t.remindedResolve ? null : t.resolveBy;
}

/**
 * What the timer does for a request it looks at: past the resolution limit, remind the handlers and escalate a
 * district's request to the city (the city has no level above: a reminder only); past a working day without
 * acceptance, remind. Each stage once: the server records it, so a second run finds nothing to do.
 */
export function timerStep(t: TimerState, now: Date): { stage: TimerStage | null; escalate: boolean } {
  if (!OPEN_STATUSES.includes(t.status)) return { stage: null, escalate: false };
  if (now.getTime() > t.resolveBy.getTime() && !t.remindedResolve) {
    return { stage: 'resolve', escalate: t.level === 'district' && !t.escalated };
  }
  if (t.status === 'submitted' && now.getTime() > t.acceptBy.getTime() && !t.remindedAccept) {
    return { stage: 'accept', escalate: false };
  }
  return { stage: null, escalate: false };
}

// ---- satisfaction and dashboards ---------------------------------------------------------------------------

export const RATING_LABELS: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '很满意' };

/** The p-th percentile (nearest rank) of `values`; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export interface RequestFacts {
  status: RequestStatus;
  submittedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  acceptBy: Date;
  resolveBy: Date;
  rating: number | null;
  /** Ever overdue (flagged by the timer or resolved late). */
  wasOverdue: boolean;
}

export interface ServiceStats {
  volume: number;
  open: number;
  /** Hours from submission to acceptance / resolution. */
  acceptMedianH: number | null;
  acceptP90H: number | null;
  resolveMedianH: number | null;
  resolveP90H: number | null;
  /** Share of requests overdue now or ever, in percent. */
  overduePct: number | null;
  /** Mean rating, one decimal; how many rated. */
  satisfaction: number | null;
  rated: number;
}

const hours = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 10) / 10;

/** The figures of a dashboard row (a type, a district) from its requests' facts. */
export function statsOf(rows: readonly RequestFacts[], now: Date): ServiceStats {
  const accepted = rows.filter((r) => r.acceptedAt).map((r) => hours(r.submittedAt, r.acceptedAt as Date));
  const resolved = rows.filter((r) => r.resolvedAt).map((r) => hours(r.submittedAt, r.resolvedAt as Date));
  const late = rows.filter((r) => r.wasOverdue || isOverdue(r, now)).length;
  const ratings = rows.map((r) => r.rating).filter((r): r is number => r !== null);
  const mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null;
  return {
    volume: rows.length,
    open: rows.filter((r) => OPEN_STATUSES.includes(r.status)).length,
    acceptMedianH: percentile(accepted, 50),
    acceptP90H: percentile(accepted, 90),
    resolveMedianH: percentile(resolved, 50),
    resolveP90H: percentile(resolved, 90),
    overduePct: rows.length ? Math.round((late / rows.length) * 1000) / 10 : null,
    satisfaction: mean,
    rated: ratings.length,
  };
}

// ---- offers (政策找人) ---------------------------------------------------------------------------------------

/** Who an offer is for: each list empty means "any". */
export interface OfferCriteria {
  education: string[];
  /** Substrings of the professional title (e.g. "工程师"). */
  titles: string[];
  districtIds: string[];
  unitCategories: string[];
  politicalStatus: string[];
  /** Selected (approved) in this period. */
  selectedIn: string | null;
}

export interface YouthFacts {
  education: string;
  title: string;
  districtId: string | null;
  unitCategory: string;
  politicalStatus: string;
  periodId: string;
  status: string;
}

export function meetsCriteria(c: OfferCriteria, y: YouthFacts): boolean {
  const any = (list: readonly string[], v: string | null) => list.length === 0 || (v !== null && list.includes(v));
  return (
    any(c.education, y.education) &&
    (c.titles.length === 0 || c.titles.some((t) => y.title.includes(t))) &&
    any(c.districtIds, y.districtId) &&
    any(c.unitCategories, y.unitCategory) &&
    any(c.politicalStatus, y.politicalStatus) &&
    (c.selectedIn === null || (y.periodId === c.selectedIn && y.status === 'approved'))
  );
}

/** Whether an offer takes applications at `now` (closing date inclusive, China time). */
export function offerOpen(closesOn: IsoDate, todayInChina: IsoDate): boolean {
  return todayInChina <= closesOn;
}

// ---- participation (R7.3) ----------------------------------------------------------------------------------

export type ParticipationKindName = 'volunteer' | 'insurance' | 'credit';
export const PARTICIPATION_LABELS: Record<ParticipationKindName, string> = {
  volunteer: '志愿服务',
  insurance: '人身意外保险',
  credit: '联合守信激励',
};
