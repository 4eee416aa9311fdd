import { accountContract } from '../../../miniprogram/core/contracts/account';
import { appError } from '../../../miniprogram/core/errors';
import { err, ok } from '../../../miniprogram/core/result';
import { currentPeriod } from '../../_lib/queries';
import { defineRouter } from '../../_lib/router';
import { bindUnit } from './actions/bind-unit';
import { recordConsent } from './actions/consent';
import { issueInvite, redeemInvite } from './actions/invites';
import { describeActor } from './actor-view';
import { listDistricts, listUnits } from './actions/orgs';

export const router = defineRouter(accountContract, {
  me: async (_input, ctx) => ok(await describeActor(ctx.deps, ctx.actor)),
  currentPeriod: async (_input, ctx) => {
    const period = await currentPeriod(ctx.deps, ctx.now);
    return period ? ok(period) : err(appError('PERIOD.NOT_FOUND', 'no current period'));
  },
  listDistricts,
  listUnits,
  bindUnit,
  issueInvite,
  recordConsent,
  redeemInvite,
});
