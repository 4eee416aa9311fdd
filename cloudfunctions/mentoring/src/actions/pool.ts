import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { orgNames } from '../../../_lib/queries';
import { areaScope, districtNames, periodId, poolOf } from '../area';

/** Selected youths of a district or the city without a mentor (no published or active match), in selection order. */
export const pool: Handler<typeof mentoringContract.actions.pool> = async (input, ctx) => {
  const { deps } = ctx;
  const scope = await areaScope(deps, ctx.actor, input.districtId);
  if (!scope.ok) return scope;
  const period = await periodId(deps, ctx.now);
  if (!period.ok) return period;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const all = await poolOf(deps, period.value, scope.value);
  const slice = all.slice((page - 1) * pageSize, page * pageSize);
  const [units, districts] = await Promise.all([
    orgNames(
      deps,
      slice.map((x) => x.nomination.unitId),
    ),
    districtNames(deps),
  ]);
  return ok({
    items: slice.map(({ nomination: n, mentee }) => ({
      nominationId: n._id,
      name: n.name,
      unitName: units.get(n.unitId) ?? '',
      districtName: n.districtId ? (districts[n.districtId] ?? '') : '',
      goals: mentee?.goals ?? [],
    })),
    page,
    pageSize,
    total: all.length,
    hasMore: page * pageSize < all.length,
  });
};
