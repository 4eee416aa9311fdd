import { servicesContract } from '../../../miniprogram/core/contracts/services';
import { defineRouter } from '../../_lib/router';
import { accept } from './actions/accept';
import { attachmentLink } from './actions/attachment-link';
import { catalogue } from './actions/catalogue';
import { confirm } from './actions/confirm';
import { consent } from './actions/consent';
import { coverage } from './actions/coverage';
import { dashboard } from './actions/dashboard';
import { decline } from './actions/decline';
import { escalate } from './actions/escalate';
import { candidates } from './actions/list-candidates';
import { selectedYouths } from './actions/list-selected-youths';
import { get } from './actions/get';
import { mine } from './actions/mine';
import { myOffers } from './actions/my-offers';
import { myParticipation } from './actions/my-participation';
import { note } from './actions/note';
import { offers } from './actions/offers';
import { publishOffer } from './actions/publish-offer';
import { queue } from './actions/queue';
import { recordCoverage } from './actions/record-coverage';
import { recordVolunteering } from './actions/record-volunteering';
import { reopen } from './actions/reopen';
import { resolve } from './actions/resolve';
import { saveType } from './actions/save-type';
import { setHandlers } from './actions/set-handlers';
import { submit } from './actions/submit';
import { types } from './actions/types';

export const router = defineRouter(servicesContract, {
  catalogue,
  consent,
  submit,
  mine,
  get,
  attachmentLink,
  queue,
  accept,
  decline,
  note,
  resolve,
  confirm,
  reopen,
  escalate,
  types,
  saveType,
  setHandlers,
  candidates,
  dashboard,
  publishOffer,
  offers,
  myOffers,
  recordVolunteering,
  recordCoverage,
  selectedYouths,
  myParticipation,
  coverage,
});
