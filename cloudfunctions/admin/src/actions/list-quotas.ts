import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { unitFilter } from '../../../../miniprogram/core/scope';
import { C, type OrgDoc, type QuotaDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import { newQuota, quotaId } from '../../../_lib/quota';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { quotaView } from '../quota-view';

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
