/**
 * The closed loop (学习、评价、反馈、提升, issue 11): each cycle of an active agreement runs tasks → report →
 * evaluation → acknowledgement → improvement plan, each step with its owner and due date; an overdue step is
 * reminded once, then told to the unit after a second period; and the health of a pair for the cadres' reports.
 * Pure: callers pass `now`.
 */
import { allows, type TransitionTable } from './workflow';
import type { Party } from './mentoring-agreement';

export const CYCLE_STATUSES = ['tasks', 'report', 'evaluate', 'acknowledge', 'plan', 'done'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export type OpenCycleStatus = Exclude<CycleStatus, 'done'>;
export const OPEN_CYCLE_STATUSES: readonly OpenCycleStatus[] = ['tasks', 'report', 'evaluate', 'acknowledge', 'plan'];

/** What the step waiting in each status is called, and who owes it. */
export const STEP_LABELS: Record<CycleStatus, string> = {
  tasks: '布置学习任务',
  report: '提交学习报告',
  evaluate: '评价学习报告',
  acknowledge: '阅读并确认评价',
  plan: '制定改进计划',
  done: '本周期已完成',
};
export const STEP_OWNER: Record<OpenCycleStatus, Party> = {
  tasks: 'mentor',
  report: 'youth',
  evaluate: 'mentor',
  acknowledge: 'youth',
  plan: 'youth',
};

export type CycleEvent = 'setTasks' | 'report' | 'evaluate' | 'acknowledge' | 'plan';
/** `owner` the caller owes the step (STEP_OWNER of the status); `nextCycle` the next cycle opened. */
export type CycleRequirement = 'owner' | 'nextCycle';

export const CYCLE_FLOW = [
  { from: ['tasks'], event: 'setTasks', to: 'report', requires: ['owner'] },
  { from: ['report'], event: 'report', to: 'evaluate', requires: ['owner'] },
  { from: ['evaluate'], event: 'evaluate', to: 'acknowledge', requires: ['owner'] },
  { from: ['acknowledge'], event: 'acknowledge', to: 'plan', requires: ['owner'] },
  { from: ['plan'], event: 'plan', to: 'done', requires: ['owner', 'nextCycle'] },
] as const satisfies TransitionTable<CycleStatus, CycleEvent, CycleRequirement>;

/** The event that completes the step waiting in `status`. */
export const STEP_EVENT: Record<OpenCycleStatus, CycleEvent> = {
  tasks: 'setTasks',
  report: 'report',
  evaluate: 'evaluate',
  acknowledge: 'acknowledge',
  plan: 'plan',
};

export const canMove = (s: CycleStatus, e: CycleEvent): boolean => allows(CYCLE_FLOW, s, e);

/** Where in the cycle each step falls due, as a share of its length (tasks in the first fifth, and so on). */
const DUE_SHARE: Record<OpenCycleStatus, number> = {
  tasks: 0.2,
  report: 0.6,
  evaluate: 0.75,
  acknowledge: 0.85,
  plan: 1,
};
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the step waiting in `status` is due: its share of the cycle after the cycle's start, at least a day after `since`. */
export function stepDue(status: OpenCycleStatus, cycleStart: Date, cycleDays: number, since: Date): Date {
  const byPlan = cycleStart.getTime() + Math.ceil(DUE_SHARE[status] * cycleDays) * DAY_MS;
  return new Date(Math.max(byPlan, since.getTime() + DAY_MS));
}

/** After the due date: a reminder to the owner; after as long again as the step had, the unit is told. */
export type Overdue = 'none' | 'remind' | 'escalate';
export function overdueLevel(now: Date, stepStart: Date, due: Date): Overdue {
  if (now.getTime() <= due.getTime()) return 'none';
  const span = Math.max(due.getTime() - stepStart.getTime(), DAY_MS);
  return now.getTime() > due.getTime() + span ? 'escalate' : 'remind';
}

export const QUIET_WEEKS = 4;
export const TOO_EARLY_DAYS = 30;

export type Health = 'on_track' | 'attention' | 'too_early';
export const HEALTH_LABELS: Record<Health, string> = {
  on_track: '进展良好',
  attention: '需要关注',
  too_early: '为时尚早',
};

export interface PairFacts {
  /** When the agreement became active (null: not yet signed by both). */
  activeSince: Date | null;
  /** The last step of any cycle, meeting or signature. */
  lastStepAt: Date;
  /** Steps done, and how many of them by their due date. */
  stepsDone: number;
  stepsOnTime: number;
  /** The open step's due date, if any. */
  openDue: Date | null;
  ratings: readonly number[];
  /** Either party said 不合适 / 再看看. */
  fitDoubt: boolean;
}

/** Whether a pair went quiet: no step for QUIET_WEEKS weeks. */
export function goneQuiet(now: Date, lastStepAt: Date): boolean {
  return now.getTime() - lastStepAt.getTime() > QUIET_WEEKS * 7 * DAY_MS;
}

/**
 * A pair's health: too early until a month after it became active with no cycle finished step; needs attention when
 * it went quiet, a step is overdue, the last rating is 2 or below, or a party doubts the fit; else on track.
 */
export function pairHealth(now: Date, p: PairFacts): Health {
  if (goneQuiet(now, p.lastStepAt)) return 'attention';
  if (p.openDue && now.getTime() > p.openDue.getTime()) return 'attention';
  const last = p.ratings[p.ratings.length - 1];
  if ((last !== undefined && last <= 2) || p.fitDoubt) return 'attention';
  if (!p.activeSince) return 'too_early';
  if (p.stepsDone === 0 && now.getTime() - p.activeSince.getTime() < TOO_EARLY_DAYS * DAY_MS) return 'too_early';
  return 'on_track';
}

export const RATING_LABELS: Record<number, string> = { 1: '较差', 2: '一般', 3: '良好', 4: '优秀' };
export const EVAL_MAX = 4;
