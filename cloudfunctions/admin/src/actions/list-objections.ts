import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type ObjectionDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { views } from '../objection-view';

/** Objections from the public notice, routed to the reviewing unit (and visible to its overseers). */
export const objections: Handler<typeof adminContract.actions.objections> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, {});
  if (!scope.ok) return ok({ items: [], page: 1, pageSize: 20, total: 0, hasMore: false });
  const filter = {
    periodId: period._id,
    ...recordFilter(scope.value),
    ...(input.status ? { status: input.status } : {}),
  };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const col = deps.store.collection<ObjectionDoc>(C.objections);
  const [docs, total] = await Promise.all([
    col.find(filter, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    col.count(filter),
  ]);
  return ok({ items: await views(deps, docs, actor), page, pageSize, total, hasMore: page * pageSize < total });
};
