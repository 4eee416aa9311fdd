import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { ok } from '../../../../miniprogram/core/result';
import { C, type YouthDoc } from '../../../_lib/collections';
import { orgNames } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';

/** Changes of unit or post waiting for the new unit's review, oldest first. */
export const changes: Handler<typeof registryContract.actions.changes> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const scope = await resolveScope(deps, actor, { unitId: input.unitId });
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const filter = { pendingUnitId: input.unitId };
  const [docs, total] = await Promise.all([
    youths.find(filter, { sort: { updatedAt: 1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    youths.count(filter),
  ]);
  const names = await orgNames(
    deps,
    docs.map((d) => d.unitId),
  );
  const items = docs.map((d) => ({
    youthId: d._id,
    name: d.name,
    fromUnitName: names.get(d.unitId) ?? '',
    post: d.pendingChange?.post ?? '',
    postSince: d.pendingChange?.postSince ?? null,
    requestedAt: (d.pendingChange?.at ?? d.updatedAt).toISOString(),
  }));
  return ok({ items, page, pageSize, total, hasMore: page * pageSize < total });
};
