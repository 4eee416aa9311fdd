import { nominationContract } from '../../../miniprogram/core/contracts/nomination';
import { defineRouter } from '../../_lib/router';
import { claim, claimGuard } from './actions/claim';
import { reissueClaimCode } from './actions/reissue-claim-code';
import { getMine } from './actions/get-mine';
import { get } from './actions/get-nomination';
import { listForReview } from './actions/list-for-review';
import { photoLink } from './actions/photo-link';
import { nominateByUnit } from './actions/nominate-by-unit';
import { reveal } from './actions/reveal-number';
import { review } from './actions/review';
import { reviewBatch } from './actions/review-batch';
import { saveDraft } from './actions/save-draft';
import { submitSelf } from './actions/submit-self';
import { voidNomination } from './actions/void-nomination';
import { withdraw } from './actions/withdraw';

export const router = defineRouter(
  nominationContract,
  {
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
    reviewBatch,
    voidNomination,
    reissueClaimCode,
    photoLink,
  },
  { claim: claimGuard },
);
