import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { nextCheck, timerStep, type TimerStage } from '../../../../miniprogram/core/services';
import { C, type ServiceRequestDoc, type ServiceStep, type ServiceTypeDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { ActionContext, PublicHandler } from '../../../_lib/router';
import { districtNames, handlersAt, queueKey, typeOf } from '../area';

const BATCH = 100;
const NOTHING = { reminded: 0, escalated: 0 };

/** The request after the timer's step: the stage marked done, escalated to the city if due, the next look. */
function stepped(
  req: ServiceRequestDoc,
  step: { stage: TimerStage | null; escalate: boolean },
  p: { now: Date; cityOrgId: string },
): Partial<ServiceRequestDoc> {
  const escalations = step.escalate
    ? [...req.escalations, { at: p.now, from: req.ownerOrgId, to: p.cityOrgId, stage: 'resolve' as const }]
    : req.escalations;
  const after = {
    ...req,
    remindedAccept: req.remindedAccept || step.stage !== null,
    remindedResolve: req.remindedResolve || step.stage === 'resolve',
    level: step.escalate ? ('city' as const) : req.level,
    escalations,
    queueKeys: step.escalate ? [...req.queueKeys, queueKey(req.typeId, p.cityOrgId)] : req.queueKeys,
  };
  const entry: ServiceStep[] = step.stage
    ? [{ at: p.now, action: step.escalate ? 'escalate' : 'remind', actor: 'timer', actorName: '系统', comment: null }]
    : [];
  return {
    remindedAccept: after.remindedAccept,
    remindedResolve: after.remindedResolve,
    level: after.level,
    escalations,
    queueKeys: after.queueKeys,
    wasOverdue: req.wasOverdue || step.stage !== null,
    nextCheckAt: nextCheck({ ...after, escalated: escalations.length > 0 }),
    history: [...req.history, ...entry],
    updatedAt: p.now,
  };
}

/** The handlers are reminded; an escalation tells the city's handlers of the type and the city's admins. */
async function tell(
  ctx: ActionContext,
  req: ServiceRequestDoc,
  type: ServiceTypeDoc,
  stage: TimerStage,
  escalate: boolean,
) {
  const params = { id: req._id, type: req.typeName };
  const handlers = req.handlerOpenid ? [req.handlerOpenid] : handlersAt(type, req.ownerOrgId);
  for (const to of handlers) ctx.notify({ kind: 'service.overdue', params: { ...params, stage }, to });
  if (!escalate) return;
  const district = req.districtId ? ((await districtNames(ctx.deps))[req.districtId] ?? '') : '';
  for (const to of handlersAt(type, ctx.deps.cityOrgId))
    ctx.notify({ kind: 'service.escalated', params: { ...params, district }, to });
  await notifyRole(ctx, { role: 'cityAdmin', orgId: ctx.deps.cityOrgId }, 'service.escalated', { ...params, district });
}

/**
 * One request the timer looks at, in its own transaction: flag it overdue and remind its handlers; past the
 * limit, escalate a district's request to the city (recorded on the request; the city's handlers see it in their
 * queue). Conditional on the `nextCheckAt` read: a second or overlapping run changes nothing.
 */
async function look(ctx: ActionContext, id: string): Promise<typeof NOTHING> {
  const { deps, now } = ctx;
  const col = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const req = await col.get(id);
  if (!req || !req.nextCheckAt || req.nextCheckAt.getTime() > now.getTime()) return NOTHING;
  const step = timerStep({ ...req, escalated: req.escalations.length > 0 }, now);
  const changed = await col.updateOne(
    { _id: req._id, nextCheckAt: req.nextCheckAt },
    { $set: stepped(req, step, { now, cityOrgId: deps.cityOrgId }) },
  );
  const type = await typeOf(deps, req.typeId);
  if (changed !== 1 || !step.stage || !type) return NOTHING;
  ctx.audit({ target: `serviceRequests/${req._id}`, details: { stage: step.stage, escalated: step.escalate } });
  await tell(ctx, req, type, step.stage, step.escalate);
  return { reminded: 1, escalated: step.escalate ? 1 : 0 };
}

/** The platform's timer (every 10 minutes): every request whose next deadline has passed, one transaction each. */
export const escalate: PublicHandler<typeof servicesContract.actions.escalate> = async (_input, ctx) => {
  const due = await ctx.deps.store
    .collection<ServiceRequestDoc>(C.serviceRequests)
    .find({ nextCheckAt: { $lte: ctx.now } }, { sort: { nextCheckAt: 1 }, limit: BATCH, projection: { _id: 1 } });
  let reminded = 0;
  let escalated = 0;
  for (const req of due) {
    const r = await ctx.step((step) => look(step, req._id));
    reminded += r.reminded;
    escalated += r.escalated;
  }
  return ok({ reminded, escalated });
};
