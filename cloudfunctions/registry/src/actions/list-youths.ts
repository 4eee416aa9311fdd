import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type YouthDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { youthViews } from '../youth-view';

/** The database's active youths or alumni (校友) in a scope, least recently confirmed first. */
export const youths: Handler<typeof registryContract.actions.youths> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { ...recordFilter(scope.value), status: input.status };
  const store = deps.store.collection<YouthDoc>(C.youths);
  const [docs, total] = await Promise.all([
    store.find(filter, { sort: { lastConfirmedAt: 1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    store.count(filter),
  ]);
  return ok({ items: await youthViews(deps, docs, now), page, pageSize, total, hasMore: page * pageSize < total });
};
