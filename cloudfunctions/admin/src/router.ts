import { adminContract } from '../../../miniprogram/core/contracts/admin';
import { defineRouter } from '../../_lib/router';
import { attachScan } from './actions/attach-scan';
import { auditLog } from './actions/audit-log';
import { dashboard } from './actions/dashboard';
import { file } from './actions/file-filing';
import { filings } from './actions/list-filings';
import { objections } from './actions/list-objections';
import { quotas } from './actions/list-quotas';
import { remindLate } from './actions/remind-late';
import { reopen } from './actions/reopen-filing';
import { resolveObjection } from './actions/resolve-objection';
import { revealContact } from './actions/reveal-contact';
import { roster } from './actions/roster';
import { scanLink } from './actions/scan-link';
import { units } from './actions/list-units';
import { setQuota } from './actions/set-quota';
import { requestQuota } from './actions/request-quota';
import { quotaRequests } from './actions/list-quota-requests';
import { decideQuotaRequest } from './actions/decide-quota-request';

export const router = defineRouter(adminContract, {
  quotas,
  setQuota,
  requestQuota,
  quotaRequests,
  decideQuotaRequest,
  auditLog,
  dashboard,
  units,
  roster,
  filings,
  file,
  reopen,
  remindLate,
  attachScan,
  scanLink,
  objections,
  revealContact,
  resolveObjection,
});
