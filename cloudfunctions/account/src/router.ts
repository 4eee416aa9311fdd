import { accountContract } from '../../../miniprogram/core/contracts/account';
import { defineRouter } from '../../_lib/router';
import { bindUnit } from './actions/bind-unit';
import { cancelInvite } from './actions/cancel-invite';
import { roleHolders } from './actions/list-role-holders';
import { revokeRole } from './actions/revoke-role';
import { uploadPath } from './actions/upload-path';
import { currentPeriod } from './actions/current-period';
import { issueInvite } from './actions/issue-invite';
import { listDistricts } from './actions/list-districts';
import { listUnits } from './actions/list-units';
import { me } from './actions/me';
import { recordConsent } from './actions/record-consent';
import { redeemGuard, redeemInvite } from './actions/redeem-invite';
import { withdrawConsent } from './actions/withdraw-consent';

export const router = defineRouter(
  accountContract,
  {
    me,
    currentPeriod,
    listDistricts,
    listUnits,
    bindUnit,
    issueInvite,
    recordConsent,
    withdrawConsent,
    redeemInvite,
    uploadPath,
    roleHolders,
    revokeRole,
    cancelInvite,
  },
  { redeemInvite: redeemGuard },
);
