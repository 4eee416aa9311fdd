import { cronContract } from '../../../miniprogram/core/contracts/cron';
import { defineRouter } from '../../_lib/router';
import { purgeWithdrawn } from './actions/purge';

export const router = defineRouter(cronContract, { purgeWithdrawn });
