import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type OrgDoc } from '../../../_lib/collections';
import { escapeRegex, getOrg } from '../../../_lib/queries';
import type { PublicHandler } from '../../../_lib/router';

export const listUnits: PublicHandler<typeof accountContract.actions.listUnits> = async (input, ctx) => {
  const district = await getOrg(ctx.deps, input.districtId);
  // The city itself stands for its directly-filing city-level units (R4.4).
  if (!district || district.level === 'unit') return err(appError('ORG.NOT_FOUND', 'district not found'));
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: Record<string, unknown> = { level: 'unit', parentId: district._id };
  if (input.keyword) filter.name = { $regex: escapeRegex(input.keyword) };
  const orgs = ctx.deps.store.collection<OrgDoc>(C.orgs);
  const [units, total] = await Promise.all([
    orgs.find(filter, { sort: { name: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    orgs.count(filter),
  ]);
  return ok({
    items: units.map((u) => ({
      id: u._id,
      name: u.name,
      category: u.category ?? 'other_grassroots',
      districtId: u.districtId ?? district._id,
      youthCount: u.youthCount ?? 0,
    })),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  });
};
