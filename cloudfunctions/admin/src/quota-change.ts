/** A unit's quota changed by its district or the city (R3.2): shared by setQuota and an approved quota request. */
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../miniprogram/core/period';
import { settableCondition } from '../../../miniprogram/core/quota';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type OrgDoc, type QuotaDoc } from '../../_lib/collections';
import { notifyRole } from '../../_lib/notify';
import { ensureQuota } from '../../_lib/quota';
import type { ActionContext } from '../../_lib/router';

export async function changeQuota(
  ctx: ActionContext,
  p: { period: Pick<PeriodRules, '_id' | 'quotaRatio'>; unit: OrgDoc; quota: number; reason: string },
): Promise<Result<QuotaDoc, CodedError<'QUOTA.BELOW_USED'>>> {
  const { deps, now } = ctx;
  const { unit, quota, reason } = p;
  const q = await ensureQuota(deps, p.period, unit, now);
  // Conditional on `used`: an approval racing this change can never leave used > limit.
  const changed = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .updateOne(
      { _id: q._id, ...settableCondition(quota) },
      { $set: { override: quota, overrideReason: reason, limit: quota, updatedAt: now } },
    );
  const after = await deps.store.collection<QuotaDoc>(C.quotas).get(q._id);
  if (changed === 0 || !after)
    return err(appError('QUOTA.BELOW_USED', 'quota below approved count', { used: after?.used ?? q.used }));
  ctx.audit({ target: `quotas/${q._id}`, details: { from: q.limit, to: quota, reason } });
  await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, 'quota.changed', { quota, reason });
  return ok(after);
}
