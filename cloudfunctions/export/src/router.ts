import { exportContract } from '../../../miniprogram/core/contracts/admin';
import { defineRouter } from '../../_lib/router';
import { summaryTable } from './actions/summary-table';

export const router = defineRouter(exportContract, { summaryTable });
