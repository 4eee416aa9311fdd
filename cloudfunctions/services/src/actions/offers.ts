import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ServiceOfferDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { allTypes } from '../area';
import { offerView } from '../offers';

/** The offers of a scope, newest first, with how many youths each reached and how many applied. */
export const offers: Handler<typeof servicesContract.actions.offers> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const col = deps.store.collection<ServiceOfferDoc>(C.serviceOffers);
  const filter = { orgId: scope.value.orgId };
  const [total, docs, types] = await Promise.all([
    col.count(filter),
    col.find(filter, { sort: { createdAt: -1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    allTypes(deps),
  ]);
  const names = new Map(types.map((t) => [t._id, t.name]));
  return ok({
    items: docs.map((o) => offerView(o, names.get(o.typeId) ?? '', now, null)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  });
};
