import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type NominationDoc } from '../../../_lib/collections';
import { currentPeriod, orgNames, prefixPattern } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveReach } from '../../../_lib/scope';
import { toView } from '../view';

/** Review queue scoped to the caller: a unit sees its own, a district its units, the city all. */
export const listForReview: Handler<typeof nominationContract.actions.listForReview> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const period = await currentPeriod(deps, ctx.now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const reach = await resolveReach(deps, actor, input);
  if (!reach.ok) return reach;
  const filter: Record<string, unknown> = {
    periodId: period._id,
    status: input.status ?? 'submitted',
    ...recordFilter(reach.value),
  };
  if (input.keyword) filter.name = { $regex: prefixPattern(input.keyword) };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const [docs, total] = await Promise.all([
    nominations.find(filter, { sort: { submittedAt: 1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    nominations.count(filter),
  ]);
  const names = await orgNames(
    deps,
    docs.map((d) => d.unitId),
  );
  return ok({
    items: docs.map((d) => toView(d, names.get(d.unitId) ?? '', ctx.now)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  });
};
