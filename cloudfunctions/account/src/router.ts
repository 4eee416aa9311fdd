import { accountContract } from '../../../miniprogram/core/contracts/account';
import { defineRouter } from '../../_lib/router';
import { bindUnit } from './actions/bind-unit';
import { recordConsent } from './actions/consent';
import { issueInvite, redeemInvite } from './actions/invites';
import { currentPeriod } from './actions/current-period';
import { me } from './actions/me';
import { listDistricts, listUnits } from './actions/orgs';

export const router = defineRouter(accountContract, {
  me,
  currentPeriod,
  listDistricts,
  listUnits,
  bindUnit,
  issueInvite,
  recordConsent,
  redeemInvite,
});
