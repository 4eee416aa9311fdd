import { nominationContract } from '../../../miniprogram/core/contracts/nomination';
import { defineRouter } from '../../_lib/router';
import { claim } from './actions/claim';
import { get, reveal } from './actions/detail';
import { getMine, saveDraft } from './actions/drafts';
import { listForReview } from './actions/lists';
import { review } from './actions/review';
import { submitSelf } from './actions/submit-self';
import { nominateByUnit } from './actions/unit-nominate';
import { withdraw } from './actions/withdraw';

export const router = defineRouter(nominationContract, {
  getMine,
  saveDraft,
  submitSelf,
  withdraw,
  nominateByUnit,
  claim,
  get,
  reveal,
  listForReview,
  review,
});
