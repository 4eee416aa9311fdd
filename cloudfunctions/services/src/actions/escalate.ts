import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { nextCheck, timerStep } from '../../../../miniprogram/core/services';
import { C, type ServiceRequestDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { ActionContext, PublicHandler } from '../../../_lib/router';
import { districtNames, handlersAt, queueKey, typeOf } from '../area';

const BATCH = 100;

/**
 * One request the timer looks at, in its own transaction: flag it overdue and remind its handlers; past the
 * limit, escalate a district's request to the city (recorded on the request; the city's handlers see it in their
 * queue, its admins are told). Conditional on the `nextCheckAt` read: a second or overlapping run changes nothing.
 */
async function look(ctx: ActionContext, seen: ServiceRequestDoc): Promise<{ reminded: number; escalated: number }> {
  const { deps, now } = ctx;
  const col = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const req = await col.get(seen._id);
  if (!req || !req.nextCheckAt || req.nextCheckAt.getTime() > now.getTime()) return { reminded: 0, escalated: 0 };
  const escalated = req.escalations.length > 0;
  const step = timerStep({ ...req, escalated }, now);
  const type = await typeOf(deps, req.typeId);
  const after = {
    ...req,
    remindedAccept: req.remindedAccept || step.stage !== null,
    remindedResolve: req.remindedResolve || step.stage === 'resolve',
    level: step.escalate ? ('city' as const) : req.level,
    escalations: step.escalate
      ? [...req.escalations, { at: now, from: req.ownerOrgId, to: deps.cityOrgId, stage: 'resolve' as const }]
      : req.escalations,
    queueKeys: step.escalate && type ? [...req.queueKeys, queueKey(type._id, deps.cityOrgId)] : req.queueKeys,
  };
  const history = step.stage
    ? [
        {
          at: now,
          action: step.escalate ? ('escalate' as const) : ('remind' as const),
          actor: 'timer',
          actorName: '系统',
          comment: null,
        },
      ]
    : [];
  const changed = await col.updateOne(
    { _id: req._id, nextCheckAt: req.nextCheckAt },
    {
      $set: {
        remindedAccept: after.remindedAccept,
        remindedResolve: after.remindedResolve,
        level: after.level,
        escalations: after.escalations,
        queueKeys: after.queueKeys,
        wasOverdue: req.wasOverdue || step.stage !== null,
        nextCheckAt: nextCheck({ ...after, escalated: after.escalations.length > 0 }),
        history: [...req.history, ...history],
        updatedAt: now,
      },
    },
  );
  if (changed !== 1 || !step.stage || !type) return { reminded: 0, escalated: 0 };
  ctx.audit({ target: `serviceRequests/${req._id}`, details: { stage: step.stage, escalated: step.escalate } });
  const params = { id: req._id, type: req.typeName };
  const handlers = req.handlerOpenid ? [req.handlerOpenid] : handlersAt(type, req.ownerOrgId);
  for (const to of handlers) ctx.notify({ kind: 'service.overdue', params: { ...params, stage: step.stage }, to });
  if (step.escalate) {
    const district = req.districtId ? ((await districtNames(deps))[req.districtId] ?? '') : '';
    for (const to of handlersAt(type, deps.cityOrgId))
      ctx.notify({ kind: 'service.escalated', params: { ...params, district }, to });
    await notifyRole(ctx, { role: 'cityAdmin', orgId: deps.cityOrgId }, 'service.escalated', { ...params, district });
  }
  return { reminded: 1, escalated: step.escalate ? 1 : 0 };
}

/** The platform's timer (every 10 minutes): every request whose next deadline has passed, one transaction each. */
export const escalate: PublicHandler<typeof servicesContract.actions.escalate> = async (_input, ctx) => {
  const due = await ctx.deps.store
    .collection<ServiceRequestDoc>(C.serviceRequests)
    .find({ nextCheckAt: { $lte: ctx.now } }, { sort: { nextCheckAt: 1 }, limit: BATCH });
  let reminded = 0;
  let escalated = 0;
  for (const req of due) {
    const r = await ctx.step((step) => look(step, req));
    reminded += r.reminded;
    escalated += r.escalated;
  }
  return ok({ reminded, escalated });
};
