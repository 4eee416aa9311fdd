import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type CampaignDoc } from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { today } from '../area';
import { campaignView } from '../campaign';

/** The city opens an honours campaign (优秀共青团员, 青年五四奖章… or one it names) with criteria and a closing date. */
export const createCampaign: Handler<typeof cultivationContract.actions.createCampaign> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  if (input.closingDate < today(now)) return err(appError('CULTIVATION.CLOSED', 'closing date passed'));
  const doc: CampaignDoc = {
    _id: randomId(),
    name: input.name,
    politicalStatuses: [...new Set(input.politicalStatuses)],
    maxAge: input.maxAge ?? null,
    minYearsInPost: input.minYearsInPost ?? null,
    closingDate: input.closingDate,
    createdBy: actor.openid,
    createdAt: now,
  };
  await deps.store.collection<CampaignDoc>(C.campaigns).insert(doc);
  ctx.audit({ target: `campaigns/${doc._id}`, details: { name: doc.name, closingDate: doc.closingDate } });
  return ok(campaignView(doc));
};
