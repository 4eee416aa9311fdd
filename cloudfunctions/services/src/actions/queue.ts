import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { OPEN_STATUSES } from '../../../../miniprogram/core/services';
import { C, type ServiceRequestDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { allTypes, districtNames, handledKeys, requestView } from '../area';

/**
 * A handler's queue: the requests of the types they handle where they are held (their district, or the city once
 * escalated), filtered by type, state and district; the earliest deadline first, so overdue ones lead.
 */
export const queue: Handler<typeof servicesContract.actions.queue> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const types = await allTypes(deps);
  const keys = handledKeys(types, actor.openid).filter((k) => !input.typeId || k.startsWith(`${input.typeId}@`));
  if (keys.length === 0) return ok({ items: [], page, pageSize, total: 0, hasMore: false, overdue: 0 });
  const status = input.status ?? 'open';
  const filter: Record<string, unknown> = {
    queueKeys: { $in: keys },
    status: status === 'open' ? { $in: [...OPEN_STATUSES] } : status,
  };
  if (input.districtId) filter.districtId = input.districtId;
  const col = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const sort: Record<string, 1 | -1> = status === 'open' ? { dueAt: 1, _id: 1 } : { updatedAt: -1, _id: 1 };
  const [total, overdue, docs, names] = await Promise.all([
    col.count(filter),
    status === 'open' ? col.count({ ...filter, dueAt: { $lt: now } }) : Promise.resolve(0),
    col.find(filter, { sort, skip: (page - 1) * pageSize, limit: pageSize }),
    districtNames(deps),
  ]);
  const byId = new Map(types.map((t) => [t._id, t]));
  return ok({
    items: docs.map((d) => requestView(deps, d, byId.get(d.typeId) ?? null, names, now)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
    overdue,
  });
};
