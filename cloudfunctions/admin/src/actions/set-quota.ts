import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../../miniprogram/core/period';
import { settableCondition } from '../../../../miniprogram/core/quota';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type QuotaDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import { ensureQuota } from '../../../_lib/quota';
import type { Handler } from '../../../_lib/router';
import { quotaView } from '../quota-view';

/** R3.2 the district or the city raises (or lowers) one unit's quota, with a recorded reason. */
export const setQuota: Handler<typeof adminContract.actions.setQuota> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const unit = await getOrg(deps, input.unitId);
  if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (unit.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'quotas belong to units'));
  if (!covers(actor, unit, ['districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  const q = await ensureQuota(deps, period as PeriodRules, unit, now);
  // Conditional on `used`: an approval racing this change can never leave used > limit.
  const changed = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .updateOne(
      { _id: q._id, ...settableCondition(input.quota) },
      { $set: { override: input.quota, overrideReason: input.reason, limit: input.quota, updatedAt: now } },
    );
  const after = await deps.store.collection<QuotaDoc>(C.quotas).get(q._id);
  if (changed === 0 || !after)
    return err(appError('QUOTA.BELOW_USED', 'quota below approved count', { used: after?.used ?? q.used }));
  ctx.audit({ target: `quotas/${q._id}`, details: { from: q.limit, to: input.quota, reason: input.reason } });
  await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, 'quota.changed', {
    quota: input.quota,
    reason: input.reason,
  });
  return ok({ quota: quotaView(unit, after) });
};
