/**
 * The request table's requirements bound to the server (core/services.ts REQUEST_FLOW), and the fields each move
 * sets: the handler who took it, the deadlines (a reopened request gets a new limit), when the timer looks next,
 * and the youth's rating. Every move notifies the other side.
 */
import { appError, type CodedError, type ErrorCode } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import {
  deadlines,
  nextCheck,
  REQUEST_FLOW,
  withinReopenWindow,
  type RequestEvent,
  type RequestRequirement,
  type RequestStatus,
} from '../../../miniprogram/core/services';
import type { TransitionTable } from '../../../miniprogram/core/workflow';
import { C, type ServiceRequestDoc, type ServiceTypeDoc } from '../../_lib/collections';
import type { Actor } from '../../_lib/identity';
import type { ActionContext } from '../../_lib/router';
import { applyTransition, type Requirement } from '../../_lib/workflow';
import { handles, handlersAt } from './area';
import { chinaWorkdays } from './calendar';

const TABLE: TransitionTable<RequestStatus, RequestEvent, RequestRequirement> = REQUEST_FLOW;

export type MoveCode =
  | 'SERVICE.INVALID_STATE'
  | 'SERVICE.NOT_HANDLER'
  | 'SERVICE.NOT_REQUESTER'
  | 'SERVICE.REOPEN_EXPIRED'
  | 'INPUT.INVALID';

export interface MoveInput {
  comment?: string | null;
  rating?: number;
}

type Fields = Partial<ServiceRequestDoc>;
type FieldsOf = (
  req: ServiceRequestDoc,
  type: ServiceTypeDoc,
  input: MoveInput,
  ctx: { now: Date; actor: Actor },
) => Fields;

/** What each move sets besides its status and history. */
const FIELDS: Record<RequestEvent, FieldsOf> = {
  accept: (req, _type, _input, { now, actor }) => ({
    acceptedAt: now,
    handlerOpenid: actor.openid,
    handlerName: actor.displayName,
    dueAt: req.resolveBy,
    nextCheckAt: nextCheck({ ...req, status: 'accepted', escalated: req.escalations.length > 0 }),
  }),
  decline: (_req, _type, input, { now }) => ({
    dueAt: null,
    nextCheckAt: null,
    resolution: input.comment ?? null,
    closedAt: now,
  }),
  note: (req, _type, _input, { actor }) => ({
    dueAt: req.resolveBy,
    handlerOpenid: req.handlerOpenid ?? actor.openid,
    handlerName: req.handlerName ?? actor.displayName,
  }),
  resolve: (req, _type, input, { now }) => ({
    resolvedAt: now,
    resolution: input.comment ?? null,
    dueAt: null,
    nextCheckAt: null,
    wasOverdue: req.wasOverdue || now.getTime() > req.resolveBy.getTime(),
  }),
  confirm: (_req, _type, input, { now }) => ({
    closedAt: now,
    rating: input.rating ?? null,
    ratingComment: input.comment ?? null,
  }),
  reopen: (_req, type, _input, { now }) => {
    // A new time limit from today; the timer watches it again.
    const { resolveBy } = deadlines(now, type.limitDays, chinaWorkdays);
    return { resolveBy, dueAt: resolveBy, nextCheckAt: resolveBy, remindedResolve: false, resolvedAt: null };
  },
};

/** Each move tells the other side: the handler's moves the youth, the youth's the handler who worked on it. */
function notifyMove(
  ctx: ActionContext,
  saved: ServiceRequestDoc,
  type: ServiceTypeDoc,
  event: RequestEvent,
  input: MoveInput,
): void {
  const base = { id: saved._id, type: saved.typeName };
  const text = input.comment ?? '';
  const youth = saved.youthOpenid;
  const toYouth: Partial<Record<RequestEvent, () => void>> = {
    accept: () => ctx.notify({ kind: 'service.accepted', params: base, to: youth }),
    decline: () => ctx.notify({ kind: 'service.declined', params: { ...base, reason: text }, to: youth }),
    note: () => ctx.notify({ kind: 'service.noted', params: { ...base, note: text }, to: youth }),
    resolve: () => ctx.notify({ kind: 'service.resolved', params: { ...base, resolution: text }, to: youth }),
  };
  toYouth[event]?.();
  const handlers = saved.handlerOpenid ? [saved.handlerOpenid] : handlersAt(type, saved.ownerOrgId);
  for (const to of handlers) {
    if (event === 'confirm')
      ctx.notify({ kind: 'service.confirmed', params: { ...base, rating: input.rating ?? 0 }, to });
    if (event === 'reopen') ctx.notify({ kind: 'service.reopened', params: { ...base, reason: text }, to });
  }
}

export async function moveRequest(
  ctx: ActionContext & { actor: Actor },
  req: ServiceRequestDoc,
  type: ServiceTypeDoc,
  event: RequestEvent,
  input: MoveInput = {},
): Promise<Result<ServiceRequestDoc, CodedError<MoveCode>>> {
  const { now, actor } = ctx;
  const fail = <X extends ErrorCode>(code: X, message: string) => err(appError(code, message));
  const requirements: Record<RequestRequirement, Requirement<MoveCode>> = {
    handler: async () => (handles(type, req, actor.openid) ? ok(null) : fail('SERVICE.NOT_HANDLER', 'not a handler')),
    requester: async () =>
      req.youthOpenid === actor.openid ? ok(null) : fail('SERVICE.NOT_REQUESTER', 'not the requester'),
    text: async () => (input.comment ? ok(null) : fail('INPUT.INVALID', 'text required')),
    rating: async () =>
      input.rating !== undefined && input.rating >= 1 && input.rating <= 5
        ? ok(null)
        : fail('INPUT.INVALID', 'rating 1–5'),
    reopenWindow: async () =>
      withinReopenWindow(req.resolvedAt, now) ? ok(null) : fail('SERVICE.REOPEN_EXPIRED', 'past 7 days'),
  };
  const moved = await applyTransition(ctx, {
    collection: C.serviceRequests,
    table: TABLE,
    doc: req,
    event,
    entry: {
      at: now,
      action: event,
      actor: actor.openid,
      actorName: actor.displayName ?? '',
      comment: input.comment ?? null,
    },
    requirements,
    set: FIELDS[event](req, type, input, ctx),
    details: { type: req.typeId },
    invalidCode: 'SERVICE.INVALID_STATE',
  });
  if (moved.ok) notifyMove(ctx, moved.value, type, event, input);
  return moved;
}
