import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { ok } from '../../../../miniprogram/core/result';
import { C, type OrgDoc } from '../../../_lib/collections';
import type { PublicHandler } from '../../../_lib/router';

export const listDistricts: PublicHandler<typeof accountContract.actions.listDistricts> = async (_input, ctx) => {
  const orgs = await ctx.deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ level: { $in: ['city', 'district'] } }, { sort: { order: 1, _id: 1 }, projection: { name: 1, level: 1 } });
  // City-level units are listed under the city, shown first as 市级单位.
  const city = orgs.filter((o) => o.level === 'city').map((o) => ({ _id: o._id, name: '市级单位' }));
  return ok([...city, ...orgs.filter((o) => o.level === 'district').map((d) => ({ _id: d._id, name: d.name }))]);
};
