import { mentoringContract } from '../../../miniprogram/core/contracts/mentoring';
import { defineRouter } from '../../_lib/router';
import { accept } from './actions/accept';
import { agreement } from './actions/agreement';
import { agreementFile } from './actions/agreement-file';
import { answerFit } from './actions/answer-fit';
import { completeAgreement } from './actions/complete-agreement';
import { cycleStep } from './actions/cycle-step';
import { editAgreement } from './actions/edit-agreement';
import { endAgreement } from './actions/end-agreement';
import { health } from './actions/health';
import { logMeeting } from './actions/log-meeting';
import { remindCycles } from './actions/remind-cycles';
import { signAgreement } from './actions/sign-agreement';
import { timeline } from './actions/timeline';
import { batchMatch } from './actions/batch-match';
import { decline } from './actions/decline';
import { discardDraft } from './actions/discard-draft';
import { drafts } from './actions/drafts';
import { endMatch } from './actions/end-match';
import { group } from './actions/group';
import { myMatches } from './actions/my-matches';
import { myMentoring } from './actions/my-mentoring';
import { myProfile } from './actions/my-profile';
import { options } from './actions/options';
import { pauseMentor } from './actions/pause-mentor';
import { pool } from './actions/pool';
import { propose } from './actions/propose';
import { publish } from './actions/publish';
import { reassignDraft } from './actions/reassign-draft';
import { resumeMentor } from './actions/resume-mentor';
import { saveExpertise } from './actions/save-expertise';
import { saveGoals } from './actions/save-goals';
import { saveProfile } from './actions/save-profile';
import { suggest } from './actions/suggest';

export const router = defineRouter(mentoringContract, {
  options,
  saveExpertise,
  myProfile,
  saveProfile,
  myMatches,
  group,
  pauseMentor,
  resumeMentor,
  myMentoring,
  saveGoals,
  pool,
  suggest,
  propose,
  batchMatch,
  drafts,
  reassignDraft,
  discardDraft,
  publish,
  accept,
  endMatch,
  decline,
  agreement,
  agreementFile,
  answerFit,
  completeAgreement,
  cycleStep,
  editAgreement,
  endAgreement,
  health,
  logMeeting,
  remindCycles,
  signAgreement,
  timeline,
});
