import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { staleBefore } from '../../../../miniprogram/core/registry';
import { ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type YouthDoc } from '../../../_lib/collections';
import { orgNames } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';

/** Units with records not confirmed for a year (issue 14), most stale first, with their active counts. */
export const stale: Handler<typeof registryContract.actions.stale> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const within = recordFilter(scope.value);
  const grouped = await youths.aggregate<{ _id: string; active: number; stale: number }>([
    { $match: { ...within, status: 'active' } },
    {
      $group: {
        _id: '$unitId',
        active: { $sum: 1 },
        stale: { $sum: { $cond: [{ $lt: ['$lastConfirmedAt', staleBefore(now)] }, 1, 0] } },
      },
    },
    { $match: { stale: { $gt: 0 } } },
    { $sort: { stale: -1, _id: 1 } },
  ]);
  const slice = grouped.slice((page - 1) * pageSize, page * pageSize);
  const names = await orgNames(
    deps,
    slice.map((g) => g._id),
  );
  const items = slice.map((g) => ({
    unitId: g._id,
    unitName: names.get(g._id) ?? '',
    active: g.active,
    stale: g.stale,
  }));
  return ok({ items, page, pageSize, total: grouped.length, hasMore: page * pageSize < grouped.length });
};
