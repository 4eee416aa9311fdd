import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ServiceRequestDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { allTypes, districtNames, requestView } from '../area';

/** The youth's own requests, newest first. */
export const mine: Handler<typeof servicesContract.actions.mine> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const col = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const filter = { youthOpenid: actor.openid };
  const [total, docs, types, names] = await Promise.all([
    col.count(filter),
    col.find(filter, { sort: { submittedAt: -1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    allTypes(deps),
    districtNames(deps),
  ]);
  const byId = new Map(types.map((t) => [t._id, t]));
  return ok({
    items: docs.map((d) => requestView(deps, d, byId.get(d.typeId) ?? null, names, now)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  });
};
