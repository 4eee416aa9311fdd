/**
 * The closed loop on the server (issue 11): the first cycle opens when the agreement becomes active; each step
 * moves the cycle through its table (core/mentoring-cycle.ts CYCLE_FLOW) by its owner, records whether it came by
 * its due date on the agreement (for the health reports), and the plan opens the next cycle.
 */
import type {
  CycleStepInput,
  CycleView,
  MeetingView,
  LoopTimelineView,
} from '../../../miniprogram/core/contracts/mentoring';
import { appError, type CodedError, type ErrorCode } from '../../../miniprogram/core/errors';
import type { Party } from '../../../miniprogram/core/mentoring-agreement';
import {
  CYCLE_FLOW,
  STEP_EVENT,
  STEP_LABELS,
  STEP_OWNER,
  stepDue,
  type CycleEvent,
  type CycleRequirement,
  type CycleStatus,
  type OpenCycleStatus,
} from '../../../miniprogram/core/mentoring-cycle';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import type { TransitionTable } from '../../../miniprogram/core/workflow';
import { C, type AgreementDoc, type CycleDoc, type MeetingDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import type { Actor } from '../../_lib/identity';
import type { ActionContext } from '../../_lib/router';
import { applyTransition, type Requirement } from '../../_lib/workflow';
import type * as z from 'zod/mini';
import { agreementView, partyOf } from './agreement-flow';

const TABLE: TransitionTable<CycleStatus, CycleEvent, CycleRequirement> = CYCLE_FLOW;
const isOpen = (s: CycleStatus): s is OpenCycleStatus => s !== 'done';

export const cycleId = (agreementId: string, n: number): string => `${agreementId}:${n}`;

/** Opens cycle `n` of an active agreement at `start`, its first step (tasks) owed by the mentor. */
export async function openCycle(deps: ServerDeps, a: AgreementDoc, n: number, start: Date): Promise<CycleDoc> {
  const doc: CycleDoc = {
    _id: cycleId(a._id, n),
    agreementId: a._id,
    n,
    mentorId: a.mentorId,
    youthOpenid: a.youthOpenid,
    unitId: a.unitId,
    districtId: a.districtId,
    youthName: a.youthName,
    mentorName: a.mentorName,
    status: 'tasks',
    startAt: start,
    cycleDays: a.cycleDays,
    stepStartAt: start,
    dueAt: stepDue('tasks', start, a.cycleDays, start),
    remindedAt: null,
    escalatedAt: null,
    tasks: [],
    report: null,
    rating: null,
    comment: null,
    plan: null,
    planDue: null,
    updatedAt: start,
    history: [],
  };
  await deps.store.collection<CycleDoc>(C.cycles).insert(doc);
  return doc;
}

type StepInput = z.infer<typeof CycleStepInput>;

/** What each step writes on the cycle. */
function fieldsOf(input: StepInput): Partial<CycleDoc> {
  switch (input.step) {
    case 'setTasks':
      return { tasks: input.tasks };
    case 'report':
      return { report: input.report };
    case 'evaluate':
      return { rating: input.rating, comment: input.comment };
    case 'acknowledge':
      return {};
    case 'plan':
      return { plan: input.plan, planDue: input.due };
  }
}

const dueOf = (next: CycleStatus, c: CycleDoc, now: Date): Date | null =>
  isOpen(next) ? stepDue(next, c.startAt, c.cycleDays, now) : null;

export type CycleMoveCode = 'MENTORING.INVALID_STATE' | 'MENTORING.NOT_PARTY';

/** One step of the loop by its owner; the agreement records it (on time or late, the rating) in the same transaction. */
export async function moveCycle(
  ctx: ActionContext & { actor: Actor },
  c: CycleDoc,
  a: AgreementDoc,
  input: StepInput,
): Promise<Result<CycleDoc, CodedError<CycleMoveCode>>> {
  const { deps, now, actor } = ctx;
  const fail = <X extends ErrorCode>(code: X, message: string) => err(appError(code, message));
  if (a.status !== 'active') return fail('MENTORING.INVALID_STATE', 'the agreement is not active');
  if (!isOpen(c.status) || STEP_EVENT[c.status] !== input.step)
    return fail('MENTORING.INVALID_STATE', `cannot ${input.step} from ${c.status}`);
  const status = c.status;
  const party = partyOf(a, actor.openid);
  const next = CYCLE_FLOW.find((r) => r.event === input.step)?.to ?? 'done';
  const requirements: Record<CycleRequirement, Requirement<CycleMoveCode>> = {
    owner: async () =>
      party === STEP_OWNER[status] ? ok(null) : fail('MENTORING.NOT_PARTY', `${STEP_LABELS[status]} is not yours`),
    nextCycle: async () => {
      await openCycle(deps, a, c.n + 1, now);
      return ok(null);
    },
  };
  const moved = await applyTransition(ctx, {
    collection: C.cycles,
    table: TABLE,
    doc: c,
    event: input.step,
    entry: { at: now, action: input.step, actor: actor.openid, actorName: actor.displayName ?? '', comment: null },
    requirements,
    set: {
      ...fieldsOf(input),
      stepStartAt: now,
      dueAt: dueOf(next, c, now),
      remindedAt: null,
      escalatedAt: null,
    },
    invalidCode: 'MENTORING.INVALID_STATE',
  });
  if (moved.ok) await recordStep(deps, a, c, now, input.step === 'evaluate' ? input.rating : null);
  return moved;
}

/** The agreement keeps the counts the health reports read: steps done, on time, the ratings, the last step. */
async function recordStep(deps: ServerDeps, a: AgreementDoc, c: CycleDoc, now: Date, rating: number | null) {
  const onTime = c.dueAt === null || now.getTime() <= c.dueAt.getTime();
  await deps.store.collection<AgreementDoc>(C.agreements).updateOne(
    { _id: a._id },
    {
      $inc: { stepsDone: 1, stepsOnTime: onTime ? 1 : 0 },
      $set: { lastStepAt: now, updatedAt: now, ...(rating === null ? {} : { ratings: [...a.ratings, rating] }) },
    },
  );
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const FORM_LABELS: Record<MeetingDoc['form'], string> = { offline: '线下见面', online: '线上交流', phone: '电话沟通' };

export function cycleView(c: CycleDoc, a: AgreementDoc, viewer: string, now: Date): CycleView {
  const owner: Party | null = isOpen(c.status) ? STEP_OWNER[c.status] : null;
  const names: Record<Party, string> = { mentor: a.mentorName, youth: a.youthName };
  return {
    id: c._id,
    n: c.n,
    status: c.status,
    stepLabel: STEP_LABELS[c.status],
    owner,
    mine: owner !== null && partyOf(a, viewer) === owner,
    dueAt: iso(c.dueAt),
    overdue: c.dueAt !== null && now.getTime() > c.dueAt.getTime(),
    startAt: c.startAt.toISOString(),
    tasks: c.tasks,
    report: c.report,
    rating: c.rating,
    comment: c.comment,
    plan: c.plan,
    planDue: c.planDue,
    steps: c.history.map((h) => {
      const from = CYCLE_FLOW.find((r) => r.event === h.action)?.from[0] ?? 'tasks';
      return { at: h.at.toISOString(), label: STEP_LABELS[from], by: names[STEP_OWNER[from as OpenCycleStatus]] };
    }),
  };
}

/** A pair's timeline: the agreement, its cycles newest first, and its meetings. */
export async function timelineOf(
  deps: ServerDeps,
  a: AgreementDoc,
  actor: Actor,
  now: Date,
): Promise<LoopTimelineView> {
  const [cycles, meetings] = await Promise.all([
    deps.store.collection<CycleDoc>(C.cycles).find({ agreementId: a._id }, { sort: { n: -1 }, limit: 50 }),
    deps.store.collection<MeetingDoc>(C.meetings).find({ agreementId: a._id }, { sort: { date: -1 }, limit: 50 }),
  ]);
  const meetingView = (m: MeetingDoc): MeetingView => ({
    id: m._id,
    date: m.date,
    form: FORM_LABELS[m.form],
    summary: m.summary,
    by: m.byParty === 'mentor' ? a.mentorName : a.youthName,
  });
  return {
    agreement: agreementView(a, actor),
    cycles: cycles.map((c) => cycleView(c, a, actor.openid, now)),
    meetings: meetings.map(meetingView),
  };
}
