import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc } from '../../../_lib/collections';
import { covers, grantsOf } from '../../../_lib/identity';
import { currentPeriod, getOrg, orgNames, prefixPattern } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { toView } from '../view';

/** Review queue scoped to the caller: a unit sees its own, a district its units, the city all. */
export const listForReview: Handler<typeof nominationContract.actions.listForReview> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const period = await currentPeriod(deps, ctx.now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const filter: Record<string, unknown> = { periodId: period._id, status: input.status ?? 'submitted' };
  if (input.keyword) filter.name = { $regex: prefixPattern(input.keyword) };
  const reviewerRoles = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;
  if (input.unitId) {
    const unit = await getOrg(deps, input.unitId);
    if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
    if (!covers(actor, unit, reviewerRoles)) return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
    filter.unitId = unit._id;
  } else if (!actor.grants.some((g) => g.role === 'cityAdmin')) {
    const units = grantsOf(actor, 'unitAdmin').map((g) => g.orgId);
    const districts = grantsOf(actor, 'districtAdmin').map((g) => g.orgId);
    filter.$or = [{ unitId: { $in: units } }, { districtId: { $in: districts } }];
  }
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
    items: docs.map((d) => toView(d, names.get(d.unitId) ?? '')),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  });
};
