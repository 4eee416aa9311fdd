import { adminContract } from '../../../miniprogram/core/contracts/admin';
import { defineRouter } from '../../_lib/router';
import { dashboard } from './actions/dashboard';
import { attachScan, file, filings, remindLate, reopen } from './actions/filings';
import { objections, resolveObjection } from './actions/objections';
import { quotas, setQuota } from './actions/quotas';
import { roster } from './actions/roster';

export const router = defineRouter(adminContract, {
  quotas,
  setQuota,
  dashboard,
  roster,
  filings,
  file,
  reopen,
  remindLate,
  attachScan,
  objections,
  resolveObjection,
});
