import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { currentPeriod as loadCurrentPeriod } from '../../../_lib/queries';
import type { PublicHandler } from '../../../_lib/router';

/** The period in force and whether its nomination window is open now (China time, R4.3). */
export const currentPeriod: PublicHandler<typeof accountContract.actions.currentPeriod> = async (_input, ctx) => {
  const period = await loadCurrentPeriod(ctx.deps, ctx.now);
  return period ? ok(period) : err(appError('PERIOD.NOT_FOUND', 'no current period'));
};
