/**
 * The `mentoring` function (issue 11): the mentor service group (导师服务团), the youths' development goals, and
 * matching — suggestions for one youth, batch drafts, publication, acceptance and declines.
 */
import * as z from 'zod/mini';
import type { MatchStatus, MentorStatus } from '../mentoring';
import { empty, id, page, pageSize, text, type Paged } from './common';
import { GoalsInput, MentorProfileInput, MentoringReason, type Sector } from './mentoring-forms';
import { action, defineContract } from './define';
import type { AgreementStatus, FitAnswer, Party } from '../mentoring-agreement';
import type { CycleStatus, Health } from '../mentoring-cycle';

const ADMINS = ['cityAdmin', 'districtAdmin'] as const;
const label = text(12);
const reason = MentoringReason;

export { GoalsInput, MentorProfileInput };

export interface OptionsView {
  sectors: Array<{ id: Sector; label: string }>;
  expertise: string[];
  /** The districts and counties, in the city's order (where a mentor meets their mentees). */
  districts: Array<{ id: string; name: string }>;
}

export interface MentorView {
  id: string;
  name: string;
  status: MentorStatus;
  statusLabel: string;
  orgName: string;
  unitId: string | null;
  sector: Sector | null;
  sectorLabel: string;
  districtId: string | null;
  districtName: string;
  expertise: string[];
  capacity: number;
  load: number;
  excludedNames: string[];
  pauseReason: string | null;
  complete: boolean;
}

export interface MatchView {
  id: string;
  nominationId: string;
  status: MatchStatus;
  statusLabel: string;
  /** What the pages offer, from the match table (core/mentoring.ts). */
  canAccept: boolean;
  canDecline: boolean;
  youthName: string;
  unitName: string;
  districtName: string;
  /** The youth's stated goals (what the mentor reads before accepting). */
  goals: string[];
  goalNote: string;
  mentorId: string;
  mentorName: string;
  mentorOrg: string;
  score: number;
  /** "同属金融系统 · 同在柯桥区 · 擅长数字化改革" */
  explanation: string;
  /** The decline or end reason, once given. */
  reason: string | null;
}

export interface MyMentoringView {
  /** Approved in the current period: only then is a youth matched. */
  selected: boolean;
  sector: Sector | null;
  goals: string[];
  note: string;
  match: MatchView | null;
}

export interface DistrictLoad {
  districtId: string;
  districtName: string;
  mentors: number;
  load: number;
  capacity: number;
}

export interface GroupView extends Paged<MentorView> {
  districts: DistrictLoad[];
}

export interface PoolYouthView {
  nominationId: string;
  name: string;
  unitName: string;
  districtName: string;
  goals: string[];
}

export interface SuggestionView {
  mentorId: string;
  mentorName: string;
  mentorOrg: string;
  load: number;
  capacity: number;
  score: number;
  explanation: string;
}

export interface BatchView {
  batchId: string;
  drafted: number;
  /** Youths left without a mentor (no place or every mentor barred). */
  unmatched: number;
  totalScore: number;
}

export interface SignatureView {
  name: string;
  at: string;
  /** The first 12 hex digits of the image's SHA-256. */
  sha: string;
}

export interface AgreementView {
  id: string;
  status: AgreementStatus;
  statusLabel: string;
  /** The caller's side, or null for a cadre. */
  party: Party | null;
  mentorName: string;
  mentorOrg: string;
  youthName: string;
  unitName: string;
  goals: Array<{ goal: string; start: number; final: number | null }>;
  months: number;
  cycleDays: number;
  title: string;
  paragraphs: string[];
  /** SHA-256 of the text: what a signature covers; the phone sends back the hash it showed. */
  textHash: string;
  signatures: Record<Party, SignatureView | null>;
  fit: Record<Party, FitAnswer | null>;
  meetings: number;
  canEdit: boolean;
  canSign: boolean;
  canAnswerFit: boolean;
  canComplete: boolean;
  canEnd: boolean;
  reason: string | null;
  finalComment: string | null;
}

export interface CycleView {
  id: string;
  n: number;
  status: CycleStatus;
  stepLabel: string;
  owner: Party | null;
  /** Whether the caller owes the open step. */
  mine: boolean;
  dueAt: string | null;
  overdue: boolean;
  startAt: string;
  tasks: string[];
  report: string | null;
  rating: number | null;
  comment: string | null;
  plan: string | null;
  planDue: string | null;
  steps: Array<{ at: string; label: string; by: string }>;
}

export interface MeetingView {
  id: string;
  date: string;
  form: string;
  summary: string;
  by: string;
}

export interface LoopTimelineView {
  agreement: AgreementView;
  cycles: CycleView[];
  meetings: MeetingView[];
}

export interface HealthRow {
  key: string;
  name: string;
  pairs: number;
  active: number;
  /** Steps done by their due date, of all steps done (0–100), null when none is done. */
  onTimePct: number | null;
  quiet: number;
  avgRating: number | null;
  onTrack: number;
  attention: number;
  tooEarly: number;
}

export interface PairHealthView {
  agreementId: string;
  youthName: string;
  mentorName: string;
  unitName: string;
  health: Health;
  healthLabel: string;
  lastStepAt: string;
}

export interface HealthView {
  byMentor: HealthRow[];
  byUnit: HealthRow[];
  byDistrict: HealthRow[];
  pairs: PairHealthView[];
}

const agreementId = id;
const goalRating = z.int().check(z.minimum(1), z.maximum(5));
const evalRating = z.int().check(z.minimum(1), z.maximum(4));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const CycleStepInput = z.discriminatedUnion('step', [
  z.strictObject({
    cycleId: id,
    step: z.literal('setTasks'),
    tasks: z.array(text(100)).check(z.minLength(1), z.maxLength(5)),
  }),
  z.strictObject({ cycleId: id, step: z.literal('report'), report: text(1000, 10) }),
  z.strictObject({ cycleId: id, step: z.literal('evaluate'), rating: evalRating, comment: text(500, 4) }),
  z.strictObject({ cycleId: id, step: z.literal('acknowledge') }),
  z.strictObject({ cycleId: id, step: z.literal('plan'), plan: text(500, 10), due: isoDate }),
]);

const scoped = z.strictObject({ districtId: z.optional(id), page, pageSize });

export const mentoringContract = defineContract('mentoring', {
  options: action<OptionsView>()({ input: empty, access: 'identified', write: false, errors: [] }),
  saveExpertise: action<OptionsView>()({
    input: z.strictObject({ items: z.array(label).check(z.minLength(1), z.maxLength(40)) }),
    access: ['cityAdmin'],
    write: true,
    errors: [],
  }),
  myProfile: action<MentorView>()({ input: empty, access: ['mentor'], write: false, errors: [] }),
  saveProfile: action<MentorView>()({
    input: MentorProfileInput,
    access: ['mentor'],
    write: true,
    errors: ['ORG.NOT_FOUND', 'MENTORING.UNKNOWN_EXPERTISE', 'MENTORING.OVER_CAPACITY'],
  }),
  myMatches: action<MatchView[]>()({ input: empty, access: ['mentor'], write: false, errors: [] }),
  group: action<GroupView>()({
    input: scoped,
    access: ADMINS,
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  pauseMentor: action<MentorView>()({
    input: z.strictObject({ mentorId: id, reason }),
    access: ADMINS,
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE'],
  }),
  resumeMentor: action<MentorView>()({
    input: z.strictObject({ mentorId: id }),
    access: ADMINS,
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE'],
  }),
  myMentoring: action<MyMentoringView>()({ input: empty, access: ['youth'], write: false, errors: [] }),
  saveGoals: action<MyMentoringView>()({
    input: GoalsInput,
    access: ['youth'],
    write: true,
    errors: ['MENTORING.NOT_SELECTED', 'MENTORING.UNKNOWN_EXPERTISE'],
  }),
  pool: action<Paged<PoolYouthView>>()({
    input: scoped,
    access: ADMINS,
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  suggest: action<SuggestionView[]>()({
    input: z.strictObject({ nominationId: id }),
    access: ADMINS,
    write: false,
    errors: ['NOMINATION.NOT_FOUND', 'MENTORING.YOUTH_MATCHED', 'ORG.NOT_FOUND'],
  }),
  propose: action<MatchView>()({
    input: z.strictObject({ nominationId: id, mentorId: id }),
    access: ADMINS,
    write: true,
    errors: [
      'NOMINATION.NOT_FOUND',
      'MENTORING.NOT_FOUND',
      'MENTORING.PROFILE_INCOMPLETE',
      'MENTORING.BARRED',
      'MENTORING.OVER_CAPACITY',
      'MENTORING.YOUTH_MATCHED',
    ],
  }),
  batchMatch: action<BatchView>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: ADMINS,
    write: true,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  drafts: action<Paged<MatchView>>()({
    input: scoped,
    access: ADMINS,
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  reassignDraft: action<MatchView>()({
    input: z.strictObject({ matchId: id, mentorId: id }),
    access: ADMINS,
    write: true,
    errors: [
      'MENTORING.NOT_FOUND',
      'MENTORING.INVALID_STATE',
      'MENTORING.PROFILE_INCOMPLETE',
      'MENTORING.BARRED',
      'MENTORING.OVER_CAPACITY',
    ],
  }),
  discardDraft: action<MatchView>()({
    input: z.strictObject({ matchId: id }),
    access: ADMINS,
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE'],
  }),
  publish: action<{ published: number }>()({
    input: z.strictObject({ matchIds: z.array(id).check(z.minLength(1), z.maxLength(50)) }),
    access: ADMINS,
    write: true,
    errors: [
      'MENTORING.NOT_FOUND',
      'MENTORING.INVALID_STATE',
      'MENTORING.OVER_CAPACITY',
      'MENTORING.YOUTH_MATCHED',
      'MENTORING.BARRED',
    ],
  }),
  accept: action<MatchView>()({
    input: z.strictObject({ matchId: id }),
    access: ['mentor'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY'],
  }),
  endMatch: action<MatchView>()({
    input: z.strictObject({ matchId: id, reason }),
    access: ADMINS,
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE'],
  }),
  decline: action<MatchView>()({
    input: z.strictObject({ matchId: id, reason }),
    access: ['mentor', 'youth'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY'],
  }),
  agreement: action<AgreementView>()({
    input: z.strictObject({ agreementId }),
    access: ['mentor', 'youth', ...ADMINS],
    write: false,
    errors: ['MENTORING.NOT_FOUND'],
  }),
  editAgreement: action<AgreementView>()({
    input: z.strictObject({
      agreementId,
      months: z.union([z.literal(6), z.literal(12), z.literal(24)]),
      cycleDays: z.union([z.literal(14), z.literal(30), z.literal(60)]),
      ratings: z.array(goalRating).check(z.maxLength(5)),
    }),
    access: ['mentor', 'youth'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY'],
  }),
  signAgreement: action<AgreementView>()({
    input: z.strictObject({ agreementId, textHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)), fileId: text(300) }),
    access: ['mentor', 'youth'],
    write: true,
    errors: [
      'MENTORING.NOT_FOUND',
      'MENTORING.INVALID_STATE',
      'MENTORING.NOT_PARTY',
      'MENTORING.ALREADY_SIGNED',
      'MENTORING.TEXT_CHANGED',
      'MENTORING.SIGNATURE_USED',
      'FILE.INVALID',
    ],
  }),
  agreementFile: action<{ url: string; expiresAt: string; fileName: string }>()({
    input: z.strictObject({ agreementId }),
    access: ['mentor', 'youth', ...ADMINS],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE'],
  }),
  answerFit: action<AgreementView>()({
    input: z.strictObject({ agreementId, answer: z.enum(['good', 'unsure', 'poor']) }),
    access: ['mentor', 'youth'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY', 'MENTORING.NO_MEETING'],
  }),
  endAgreement: action<AgreementView>()({
    input: z.strictObject({ agreementId, reason }),
    access: ['mentor', 'youth', ...ADMINS],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE'],
  }),
  completeAgreement: action<AgreementView>()({
    input: z.strictObject({
      agreementId,
      finals: z.array(goalRating).check(z.minLength(1), z.maxLength(5)),
      comment: text(500, 4),
    }),
    access: ['mentor'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY'],
  }),
  logMeeting: action<LoopTimelineView>()({
    input: z.strictObject({
      agreementId,
      date: isoDate,
      form: z.enum(['offline', 'online', 'phone']),
      summary: text(500, 4),
    }),
    access: ['mentor', 'youth'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY'],
  }),
  timeline: action<LoopTimelineView>()({
    input: z.strictObject({ agreementId }),
    access: ['mentor', 'youth', ...ADMINS],
    write: false,
    errors: ['MENTORING.NOT_FOUND'],
  }),
  cycleStep: action<LoopTimelineView>()({
    input: CycleStepInput,
    access: ['mentor', 'youth'],
    write: true,
    errors: ['MENTORING.NOT_FOUND', 'MENTORING.INVALID_STATE', 'MENTORING.NOT_PARTY'],
  }),
  remindCycles: action<{ reminded: number; escalated: number }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    errors: [],
  }),
  health: action<HealthView>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: ADMINS,
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
});

export type MentoringContract = typeof mentoringContract;
export type MentorProfileInputType = z.infer<typeof MentorProfileInput>;
export type CycleStepInputType = z.infer<typeof CycleStepInput>;
