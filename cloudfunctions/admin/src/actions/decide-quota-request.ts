import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../../miniprogram/core/period';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type QuotaRequestDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { releaseSlot } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { changeQuota } from '../quota-change';
import { openRequestKey, requestViews } from '../quota-request-view';
import { quotaView } from '../quota-view';

/**
 * The district (the city for a city-level unit) decides a quota request with a reason: approving changes the
 * quota exactly as setQuota does (conditional on the places used, audited, the unit told); refusing records why.
 * Either way the unit may ask again.
 */
/** The request and its unit, if the caller oversees the unit and the request is still open. */
async function pending(ctx: Parameters<Handler<typeof adminContract.actions.decideQuotaRequest>>[1], id: string) {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const doc = await deps.store.collection<QuotaRequestDoc>(C.quotaRequests).get(id);
  const unit = doc ? await getOrg(deps, doc.unitId) : null;
  if (!doc || !unit || doc.periodId !== period._id)
    return err(appError('QUOTA.REQUEST_NOT_FOUND', 'no such quota request'));
  if (!covers(actor, unit, ['districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  if (doc.status !== 'pending') return err(appError('QUOTA.REQUEST_DECIDED', 'already decided'));
  return ok({ period, doc, unit });
}

export const decideQuotaRequest: Handler<typeof adminContract.actions.decideQuotaRequest> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await pending(ctx, input.requestId);
  if (!found.ok) return found;
  const { period, doc, unit } = found.value;
  const approve = input.decision === 'approve';
  const decided = {
    status: approve ? ('approved' as const) : ('rejected' as const),
    decidedBy: actor.openid,
    decidedByName: actor.displayName ?? '',
    decidedAt: now,
    decisionReason: input.reason,
  };
  const col = deps.store.collection<QuotaRequestDoc>(C.quotaRequests);
  if ((await col.updateOne({ _id: doc._id, status: 'pending' }, { $set: decided })) === 0)
    return err(appError('QUOTA.REQUEST_DECIDED', 'decided meanwhile'));
  await releaseSlot(deps, openRequestKey(period._id, unit._id), now);
  ctx.audit({ target: `quotaRequests/${doc._id}`, details: { decision: input.decision, reason: input.reason } });
  const [request] = await requestViews(deps, [{ ...doc, ...decided }]);
  if (approve) {
    // The same change as setQuota's: conditional on the places used, audited, the unit told.
    const changed = await changeQuota(ctx, {
      period: period as PeriodRules,
      unit,
      quota: doc.requested,
      reason: input.reason,
    });
    return changed.ok ? ok({ request, quota: quotaView(unit, changed.value) }) : changed;
  }
  await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, 'quota.requestRefused', {
    requested: doc.requested,
    reason: input.reason,
  });
  return ok({ request, quota: null });
};
