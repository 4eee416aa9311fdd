import type { adminContract, QuotaView } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../../miniprogram/core/period';
import { settableCondition } from '../../../../miniprogram/core/quota';
import { err, ok } from '../../../../miniprogram/core/result';
import { unitFilter } from '../../../../miniprogram/core/scope';
import { C, type OrgDoc, type QuotaDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import { ensureQuota, newQuota, quotaId } from '../../../_lib/quota';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';

function quotaView(unit: OrgDoc, q: QuotaDoc): QuotaView {
  return {
    unitId: unit._id,
    unitName: unit.name,
    districtId: unit.districtId,
    category: unit.category ?? 'other_grassroots',
    youthCount: unit.youthCount ?? 0,
    suggested: q.suggested,
    override: q.override,
    overrideReason: q.overrideReason,
    limit: q.limit,
    approved: q.used,
  };
}

/** R3.1 each unit's suggested quota beside the number already approved. */
export const quotas: Handler<typeof adminContract.actions.quotas> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const orgs = deps.store.collection<OrgDoc>(C.orgs);
  const filter = unitFilter(scope.value);
  const [units, total] = await Promise.all([
    orgs.find(filter, { sort: { districtId: 1, name: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    orgs.count(filter),
  ]);
  const counters = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .find({ _id: { $in: units.map((u) => quotaId(period._id, u._id)) } });
  const byUnit = new Map(counters.map((q) => [q.unitId, q]));
  const items = units.map((u) => quotaView(u, byUnit.get(u._id) ?? newQuota(period, u, now)));
  return ok({ items, page, pageSize, total, hasMore: page * pageSize < total });
};

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
  await notifyRole(
    ctx,
    { role: 'unitAdmin', orgId: unit._id },
    {
      title: '本单位名额已调整',
      body: `本期名额调整为${input.quota}名：${input.reason}`,
      page: 'package-admin/pages/admin/quotas/index',
    },
  );
  return ok({ quota: quotaView(unit, after) });
};
