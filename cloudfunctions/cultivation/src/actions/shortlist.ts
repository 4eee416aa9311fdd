import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type CampaignDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { cadreScope, paged, periodIdNow } from '../area';
import { campaignView, shortlistOf } from '../campaign';

/** The 好青年 of the cadre's scope who meet a campaign's criteria, ranked by their cultivation record (R5.2). */
export const shortlist: Handler<typeof cultivationContract.actions.shortlist> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const c = await deps.store.collection<CampaignDoc>(C.campaigns).get(input.campaignId);
  if (!c) return err(appError('CULTIVATION.NOT_FOUND', 'no such campaign'));
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const period = await periodIdNow(deps, now);
  if (!period.ok) return period;
  const { rows, missingPostSince } = await shortlistOf(deps, c, period.value, scope.value.filter);
  return ok({ ...paged(rows, input.page, input.pageSize), campaign: campaignView(c), missingPostSince });
};
