import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { RESERVE_STATUS_LABELS, RESERVE_STATUSES } from '../../../../miniprogram/core/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ReserveDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { cadreScope, paged, reserveView, unitNames } from '../area';

/** The reserve-cadre pool of a unit, a district or the city: counts per status, newest moves first. */
export const reservePool: Handler<typeof cultivationContract.actions.reservePool> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  // The city asks by status, so the `status` index serves it.
  const where = scope.value.level === 'city' ? { status: { $in: [...RESERVE_STATUSES] } } : scope.value.filter;
  const all = await deps.store.collection<ReserveDoc>(C.reserveCadres).find(where, { limit: 5000 });
  const counts = RESERVE_STATUSES.map((status) => ({
    status,
    label: RESERVE_STATUS_LABELS[status],
    count: all.filter((r) => r.status === status).length,
  }));
  const chosen = all
    .filter((r) => !input.status || r.status === input.status)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a._id.localeCompare(b._id));
  const page = paged(chosen, input.page, input.pageSize);
  const names = await unitNames(
    deps,
    page.items.map((r) => r.unitId),
  );
  return ok({ ...page, items: page.items.map((r) => reserveView(r, names.get(r.unitId) ?? '')), counts });
};
