import { cultivationContract } from '../../../miniprogram/core/contracts/cultivation';
import { defineRouter } from '../../_lib/router';
import { addMeasure } from './actions/add-measure';
import { advanceParty } from './actions/advance-party';
import { campaignForm } from './actions/campaign-form';
import { coverage } from './actions/coverage';
import { createCampaign } from './actions/create-campaign';
import { decideReserve } from './actions/decide-reserve';
import { decideMeasure } from './actions/decide-measure';
import { ledger } from './actions/ledger';
import { campaigns } from './actions/list-campaigns';
import { nominateReserve } from './actions/nominate-reserve';
import { pendingMeasures } from './actions/pending-measures';
import { partyCandidates } from './actions/party-candidates';
import { pipeline } from './actions/pipeline';
import { recordMeasure } from './actions/record-measure';
import { reservePool } from './actions/reserve-pool';
import { setPartyQuota } from './actions/set-party-quota';
import { shortlist } from './actions/shortlist';
import { startParty } from './actions/start-party';
import { startPartyForYouth } from './actions/start-party-for-youth';
import { timeline } from './actions/timeline';
import { warnBirthdays } from './actions/warn-birthdays';

export const router = defineRouter(cultivationContract, {
  timeline,
  recordMeasure,
  addMeasure,
  decideMeasure,
  pendingMeasures,
  ledger,
  coverage,
  startParty,
  partyCandidates,
  startPartyForYouth,
  advanceParty,
  pipeline,
  setPartyQuota,
  nominateReserve,
  decideReserve,
  reservePool,
  createCampaign,
  campaigns,
  shortlist,
  campaignForm,
  warnBirthdays,
});
