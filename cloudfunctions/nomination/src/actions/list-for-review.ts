import type { nominationContract, ReviewItem } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { decides, reviewerLevel } from '../../../../miniprogram/core/review';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type NominationDoc, type OrgDoc } from '../../../_lib/collections';
import { currentPeriod, prefixPattern } from '../../../_lib/queries';
import { decidableUnitIds, quotasOf, unitsWithAdmin } from '../../../_lib/reviewers';
import type { Handler } from '../../../_lib/router';
import { resolveReach } from '../../../_lib/scope';
import { toView } from '../view';

/**
 * Review queue scoped to the caller: a unit sees its own, a district its units, the city all. Each row says who
 * decides on it and whether the caller does, with the unit's places left (issue 9 §2, §5); `decidable` keeps only
 * the rows the caller decides on (home's 待审核 count).
 */
export const listForReview: Handler<typeof nominationContract.actions.listForReview> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const reach = await resolveReach(deps, actor, input);
  if (!reach.ok) return reach;
  const scoped = recordFilter(reach.value);
  const filter: Record<string, unknown> = {
    periodId: period._id,
    status: input.status ?? 'submitted',
    ...(input.decidable ? { $and: [scoped, { unitId: { $in: await decidableUnitIds(deps, actor) } }] } : scoped),
  };
  if (input.keyword) filter.name = { $regex: prefixPattern(input.keyword) };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const [docs, total] = await Promise.all([
    nominations.find(filter, { sort: { submittedAt: 1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    nominations.count(filter),
  ]);
  const unitIds = [...new Set(docs.map((d) => d.unitId))];
  const units = unitIds.length === 0 ? [] : await deps.store.collection<OrgDoc>(C.orgs).find({ _id: { $in: unitIds } });
  const byId = new Map(units.map((u) => [u._id, u]));
  const [staffed, quotas] = await Promise.all([unitsWithAdmin(deps, unitIds), quotasOf(deps, period, units, now)]);
  const items: ReviewItem[] = docs.map((d) => {
    const unit = byId.get(d.unitId);
    const level = reviewerLevel(unit ?? { districtId: d.districtId }, staffed.has(d.unitId));
    const q = quotas.get(d.unitId);
    return {
      ...toView(d, unit?.name ?? '', now),
      review: {
        level,
        mayDecide: unit ? decides(actor.grants, unit, level) : false,
        quota: { limit: q?.limit ?? 0, used: q?.used ?? 0 },
      },
    };
  });
  return ok({ items, page, pageSize, total, hasMore: page * pageSize < total });
};
