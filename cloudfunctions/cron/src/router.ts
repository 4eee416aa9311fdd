import { cronContract } from '../../../miniprogram/core/contracts/cron';
import { defineRouter } from '../../_lib/router';
import { purgeWithdrawn } from './actions/purge';
import { purgeSpent } from './actions/purge-spent';
import { purgeExports } from './actions/purge-exports';

export const router = defineRouter(cronContract, { purgeWithdrawn, purgeSpent, purgeExports });
