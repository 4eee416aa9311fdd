/**
 * The mentoring area's collections (issue 11): the mentor service group (one profile per mentor), the selected
 * youths' mentoring records (goals, and the one open match that takes them), the matches, and the city's
 * settings (the expertise list). The mentoring function works on them.
 */
import type { MatchEvent, MatchStatus, MentorEvent, MentorStatus, Sector } from '../../../miniprogram/core/mentoring';
import type {
  AgreementEvent,
  AgreementGoal,
  AgreementStatus,
  FitAnswer,
  Party,
} from '../../../miniprogram/core/mentoring-agreement';
import type { CycleEvent, CycleStatus } from '../../../miniprogram/core/mentoring-cycle';
import { collection, defineCollections } from './define';

export interface FlowStep<E extends string> {
  at: Date;
  action: E;
  actor: string;
  actorName: string;
  comment: string | null;
}

/** A mentor of the service group, by OPENID. `load` counts their open (published or active) matches. */
export interface MentorDoc {
  _id: string; // OPENID
  name: string;
  status: MentorStatus;
  orgName: string;
  unitId: string | null;
  sector: Sector | null;
  districtId: string | null;
  expertise: string[];
  capacity: number;
  load: number;
  excludedNames: string[];
  pauseReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  history: FlowStep<MentorEvent>[];
}

/** A selected youth's mentoring record, by nomination id: what they want to grow in, and the match that holds them. */
export interface MenteeDoc {
  _id: string; // nominationId
  periodId: string;
  openid: string | null;
  sector: Sector | null;
  goals: string[];
  note: string;
  /** The published or active match; null while the youth is in the pool. */
  openMatchId: string | null;
  updatedAt: Date;
}

export interface MatchDoc {
  _id: string;
  periodId: string;
  nominationId: string;
  youthOpenid: string | null;
  youthName: string;
  unitId: string;
  unitName: string;
  districtId: string | null;
  mentorId: string;
  mentorName: string;
  mentorOrg: string;
  score: number;
  reasons: string[];
  status: MatchStatus;
  /** The batch run that drafted it, or null for one proposed from the suggestions. */
  batchId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  reason: string | null;
  history: FlowStep<MatchEvent>[];
}

/** A party's hand signature: the PNG they drew (own upload, its SHA-256), the text hash it covers, and a seal. */
export interface SignatureRecord {
  openid: string;
  name: string;
  at: Date;
  fileId: string;
  sha256: string;
  textHash: string;
  /** Keyed hash of agreement id, party, text hash and image hash: the signature belongs to this agreement only. */
  seal: string;
}

/** 师徒协议, one per match (`_id` the match id), created when the mentor confirms. */
export interface AgreementDoc {
  _id: string;
  matchId: string;
  periodId: string;
  nominationId: string;
  mentorId: string;
  youthOpenid: string | null;
  mentorName: string;
  mentorOrg: string;
  youthName: string;
  unitId: string;
  unitName: string;
  districtId: string | null;
  goals: AgreementGoal[];
  note: string;
  months: number;
  cycleDays: number;
  year: string;
  text: string;
  /** SHA-256 of `text`; what each signature covers. */
  textHash: string;
  status: AgreementStatus;
  signatures: Record<Party, SignatureRecord | null>;
  fit: Record<Party, FitAnswer | null>;
  meetings: number;
  activeSince: Date | null;
  /** The last signature, meeting or cycle step (for "gone quiet"). */
  lastStepAt: Date;
  stepsDone: number;
  stepsOnTime: number;
  ratings: number[];
  finalComment: string | null;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
  history: FlowStep<AgreementEvent>[];
}

/** A signature image's use, by its SHA-256: taken once, so the same image cannot sign another agreement. */
export interface SignatureUseDoc {
  _id: string; // sha256
  agreementId: string;
  openid: string;
  at: Date;
}

/** A meeting the pair logged. */
export interface MeetingDoc {
  _id: string;
  agreementId: string;
  date: string; // YYYY-MM-DD, China date
  form: 'offline' | 'online' | 'phone';
  summary: string;
  by: string;
  byParty: Party;
  at: Date;
}

/** One cycle of the loop, `_id` `<agreementId>:<n>`; only the open step's due date and reminders are kept. */
export interface CycleDoc {
  _id: string;
  agreementId: string;
  n: number;
  mentorId: string;
  youthOpenid: string | null;
  unitId: string;
  districtId: string | null;
  youthName: string;
  mentorName: string;
  status: CycleStatus;
  startAt: Date;
  cycleDays: number;
  stepStartAt: Date;
  /** The open step's due date; null once done. */
  dueAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  tasks: string[];
  report: string | null;
  rating: number | null;
  comment: string | null;
  plan: string | null;
  planDue: string | null;
  updatedAt: Date;
  history: FlowStep<CycleEvent>[];
}

/** City-wide settings of the area: `_id: 'expertise'` holds the list mentors and youths choose from. */
export interface MentoringSettingDoc {
  _id: string;
  items: string[];
  updatedBy: string;
  updatedAt: Date;
}

export const MENTORING = defineCollections([
  // The group of a district with its load; every mentor of the city by status.
  collection<MentorDoc>()({ name: 'mentors', indexes: [['districtId', 'status'], 'status'], rule: 'closed' }),
  // Read by nomination id; a period's records for the pool.
  collection<MenteeDoc>()({ name: 'mentees', indexes: ['periodId'], rule: 'closed' }),
  collection<MatchDoc>()({
    name: 'matches',
    indexes: [
      // Drafts and open matches of a district or the city.
      ['periodId', 'status', 'districtId'],
      // A mentor's mentees; a youth's match.
      ['mentorId', 'status'],
      ['nominationId', 'status'],
    ],
    rule: 'closed',
  }),
  collection<MentoringSettingDoc>()({ name: 'mentoringSettings', indexes: [], rule: 'closed' }),
  collection<AgreementDoc>()({
    name: 'agreements',
    indexes: [
      // A party's agreements.
      ['mentorId', 'status'],
      ['youthOpenid', 'status'],
      // The health report of a district or the city.
      ['periodId', 'districtId'],
    ],
    rule: 'closed',
  }),
  collection<SignatureUseDoc>()({ name: 'signatureUses', indexes: [], rule: 'closed' }),
  collection<MeetingDoc>()({ name: 'meetings', indexes: [['agreementId', 'date']], rule: 'closed' }),
  collection<CycleDoc>()({
    name: 'cycles',
    indexes: [
      // An agreement's timeline.
      ['agreementId', 'n'],
      // Open steps past their due date (the reminder timer).
      'dueAt',
    ],
    rule: 'closed',
  }),
]);
