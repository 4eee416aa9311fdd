import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type QuotaRequestDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { requestViews } from '../quota-request-view';

/** Quota requests in the caller's scope: a unit its own, a district its units', the city all; newest first. */
export const quotaRequests: Handler<typeof adminContract.actions.quotaRequests> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, {});
  if (!scope.ok) return scope;
  const status =
    input.status === 'pending' ? 'pending' : input.status === 'decided' ? { $in: ['approved', 'rejected'] } : undefined;
  const filter = { periodId: period._id, ...recordFilter(scope.value), ...(status ? { status } : {}) };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const col = deps.store.collection<QuotaRequestDoc>(C.quotaRequests);
  const [docs, total] = await Promise.all([
    col.find(filter, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    col.count(filter),
  ]);
  return ok({ items: await requestViews(deps, docs), page, pageSize, total, hasMore: page * pageSize < total });
};
