import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { areaScope, districtNames, matchView, menteesOf, periodId } from '../area';

/** The drafts of a district or the city, for review before publication (lowest score first: those need a look). */
export const drafts: Handler<typeof mentoringContract.actions.drafts> = async (input, ctx) => {
  const { deps } = ctx;
  const scope = await areaScope(deps, ctx.actor, input.districtId);
  if (!scope.ok) return scope;
  const period = await periodId(deps, ctx.now);
  if (!period.ok) return period;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { periodId: period.value, status: 'draft', ...scope.value.filter };
  const col = deps.store.collection<MatchDoc>(C.matches);
  const [total, docs] = await Promise.all([
    col.count(filter),
    col.find(filter, { sort: { score: 1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
  ]);
  const [names, mentees] = await Promise.all([
    districtNames(deps),
    menteesOf(
      deps,
      docs.map((d) => d.nominationId),
    ),
  ]);
  return ok({
    items: docs.map((d) => matchView(d, names, mentees.get(d.nominationId) ?? null)),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  });
};
