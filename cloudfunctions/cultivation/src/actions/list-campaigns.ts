import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import { C, type CampaignDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { today } from '../area';
import { campaignView } from '../campaign';

/** The campaigns still open (closing today or later), soonest first. */
export const campaigns: Handler<typeof cultivationContract.actions.campaigns> = async (_input, ctx) => {
  const open = await ctx.deps.store
    .collection<CampaignDoc>(C.campaigns)
    .find({ closingDate: { $gte: today(ctx.now) } }, { sort: { closingDate: 1, _id: 1 }, limit: 50 });
  return ok(open.map(campaignView));
};
