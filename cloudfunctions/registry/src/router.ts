import { registryContract } from '../../../miniprogram/core/contracts/registry';
import { defineRouter } from '../../_lib/router';
import { applyImport } from './actions/apply-import';
import { comparePeriods } from './actions/compare-periods';
import { confirmMine } from './actions/confirm-mine';
import { decideChange } from './actions/decide-change';
import { downloadMyData } from './actions/download-my-data';
import { importTemplate } from './actions/import-template';
import { leave } from './actions/leave';
import { candidates } from './actions/list-candidates';
import { changes } from './actions/list-changes';
import { periods } from './actions/list-periods';
import { youths } from './actions/list-youths';
import { myData } from './actions/my-data';
import { myRecord } from './actions/my-record';
import { openPeriod } from './actions/open-period';
import { previewImport } from './actions/preview-import';
import { prefillNomination } from './actions/prefill-nomination';
import { previewPeriod } from './actions/preview-period';
import { remindStale } from './actions/remind-stale';
import { stale } from './actions/stale';

export const router = defineRouter(registryContract, {
  importTemplate,
  previewImport,
  applyImport,
  periods,
  previewPeriod,
  openPeriod,
  comparePeriods,
  candidates,
  prefillNomination,
  myRecord,
  confirmMine,
  changes,
  decideChange,
  leave,
  stale,
  remindStale,
  youths,
  myData,
  downloadMyData,
});
