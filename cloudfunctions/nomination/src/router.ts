import { nominationContract } from '../../../miniprogram/core/contracts/nomination';
import { defineRouter } from '../../_lib/router';
import { getMine, listForReview } from './actions/lists';
import { review } from './actions/review';
import { submitSelf } from './actions/submit-self';

export const router = defineRouter(nominationContract, { getMine, submitSelf, listForReview, review });
