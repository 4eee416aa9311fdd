import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../../miniprogram/core/period';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type QuotaRequestDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { takeSlot } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import { ensureQuota } from '../../../_lib/quota';
import type { Handler } from '../../../_lib/router';
import { openRequestKey, requestViews } from '../quota-request-view';

/**
 * A unit admin asks for more places in the app (issue 9, "what users reached for"): recorded, one open request a
 * unit (a counter taken in the transaction), and the district — the city for a city-level unit — is told.
 */
export const requestQuota: Handler<typeof adminContract.actions.requestQuota> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const unit = await getOrg(deps, input.unitId);
  if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (unit.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'quotas belong to units'));
  if (!covers(actor, unit, ['unitAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  const q = await ensureQuota(deps, period as PeriodRules, unit, now);
  if (input.quota <= q.limit)
    return err(appError('QUOTA.REQUEST_NOT_HIGHER', 'ask for more than the current limit', { limit: q.limit }));
  if (!(await takeSlot(deps, openRequestKey(period._id, unit._id), 1, { now, expiresAt: null })))
    return err(appError('QUOTA.REQUEST_PENDING', 'a request is pending'));
  const doc: QuotaRequestDoc = {
    _id: deps.randomId(16),
    periodId: period._id,
    unitId: unit._id,
    districtId: unit.districtId,
    requested: input.quota,
    limitBefore: q.limit,
    reason: input.reason,
    status: 'pending',
    requestedBy: actor.openid,
    requestedByName: actor.displayName ?? '',
    createdAt: now,
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionReason: null,
  };
  await deps.store.collection<QuotaRequestDoc>(C.quotaRequests).insert(doc);
  ctx.audit({ target: `quotaRequests/${doc._id}`, details: { unitId: unit._id, from: q.limit, to: input.quota } });
  const to = unit.districtId
    ? { role: 'districtAdmin' as const, orgId: unit.districtId }
    : { role: 'cityAdmin' as const, orgId: deps.cityOrgId };
  await notifyRole(ctx, to, 'quota.requested', {
    unit: unit.name,
    from: q.limit,
    to: input.quota,
    reason: input.reason,
  });
  const [request] = await requestViews(deps, [doc]);
  return ok({ request });
};
