import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { C, type PeriodDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { checkNext } from '../period-form';

/** What the next period would change from the current one (the form shows it before the city opens it). */
export const previewPeriod: Handler<typeof registryContract.actions.previewPeriod> = async (input, ctx) => {
  const prev = await ctx.deps.store.collection<PeriodDoc>(C.periods).findOne({ current: true });
  return checkNext(ctx, prev, input.rules);
};
