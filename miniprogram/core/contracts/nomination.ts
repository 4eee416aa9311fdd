import * as z from 'zod/mini';
import type { Sex } from '../id-number';
import type { Channel, NominationStatus } from '../nomination';
import type { OnBehalf, QuotaLeft, ReviewerLevel } from '../review';
import type { Waiting } from '../waiting';
import { id, keyword, optionalText, page, pageSize, type Paged } from './common';
import { fileId, NominationDraft, NominationForm } from './nomination-form';
import type { Attestation, Degree, Education, PoliticalStatus } from '../profile';
import { action, defineContract } from './define';
import { ClaimInput, nominationId, RevealInput, ReviewBatchInput, ReviewInput, VoidInput } from './forms';

/** A nomination as any list or detail shows it: personal data masked (R9.1). */
export interface NominationView {
  id: string;
  periodId: string;
  channel: Channel;
  status: NominationStatus;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  /**
   * Full years today (China time). Never the birth date: the masked ID number hides exactly those eight digits,
   * so the two together would rebuild it (R9.1, issue 8 §1).
   */
  age: number;
  sex: Sex;
  education: Education;
  degree: Degree;
  politicalStatus: PoliticalStatus;
  duty: string;
  post: string;
  title: string;
  skillLevel: string;
  onStaff: boolean;
  attestations: Record<Attestation, boolean>;
  deeds: string;
  photoFileId: string | null;
  showcaseConsent: boolean;
  unitId: string;
  unitName: string;
  /** Unit channel: whether the youth has claimed the record in the app. */
  claimed: boolean;
  /**
   * Issue 8 §6: another nomination of this ID number was refused while this record held it — the number may be
   * someone else's. How often, when last, and from which units (never who).
   */
  contest: { count: number; lastAt: string; unitIds: string[] } | null;
  /** PIPL art. 47: the youth withdrew the consent to processing the ID number and phone. */
  consentWithdrawn: boolean;
  /** Who confirmed on-staff status and the criteria when approving (R4.2). */
  confirmation: { byName: string; at: string } | null;
  submittedAt: string | null;
  history: Array<{
    at: string;
    action: string;
    actorName: string;
    comment: string | null;
    /** The district or the city decided for a unit without an admin (issue 9 §2). */
    onBehalf: OnBehalf | null;
  }>;
}

/** Who decides on this record, whether the caller does, and the unit's places before 通过 (issue 9 §2, §5). */
export interface ReviewerView {
  level: ReviewerLevel;
  mayDecide: boolean;
  quota: QuotaLeft;
}

export type ReviewItem = NominationView & { review: ReviewerView };

/** The server's verdict on a record today, for the reviewer's detail view. */
export interface EligibilityView {
  eligible: boolean;
  age: number | null;
  code: string | null;
  params: Record<string, string | number>;
}

export interface DraftView {
  fields: NominationDraft;
  updatedAt: string;
}

/** The self-nomination is the full form (R4.1); the ID number and phone need the consent first. */
export const SelfNominationInput = NominationForm;
export type SelfNominationInput = NominationForm;

export { ReviewInput } from './forms';

/**
 * Whether an action would be accepted now, or the code it would refuse with (issue 9 §13): computed by the server
 * with the rules the action itself applies, so a page never offers what will be refused and can say why.
 */
export type ActionOption =
  { allowed: true } | { allowed: false; code: 'NOMINATION.INVALID_STATE' | 'FILING.LOCKED' | 'ACCOUNT.ALREADY_BOUND' };

/** What the youth may do from 我的推荐 and home now. */
export interface MineOptions {
  /** `nomination.withdraw` of the current nomination; null when there is none. */
  withdraw: ActionOption | null;
  /** `account.bindUnit` to another unit (更换所在单位). */
  rebind: ActionOption;
}

const ELIGIBILITY_ERRORS = [
  'ELIGIBILITY.ID_FORMAT',
  'ELIGIBILITY.ID_REGION',
  'ELIGIBILITY.ID_CHECKSUM',
  'ELIGIBILITY.ID_DATE',
  'ELIGIBILITY.TOO_OLD',
  'ELIGIBILITY.TOO_YOUNG',
  'ELIGIBILITY.NOT_ON_STAFF',
  'ELIGIBILITY.PHONE_FORMAT',
  'ELIGIBILITY.ATTESTATION_MISSING',
] as const;

/** What a decision on one record may answer: `review`, and `reviewBatch` for the record it stops at. */
const REVIEW_ERRORS = [
  'NOMINATION.NOT_REVIEWER',
  'NOMINATION.OWN_RECORD',
  ...ELIGIBILITY_ERRORS,
  'NOMINATION.NOT_FOUND',
  'NOMINATION.INVALID_STATE',
  'AUTH.OUT_OF_SCOPE',
  'INPUT.INVALID',
  'QUOTA.EXCEEDED',
  'FILING.LOCKED',
] as const;

const WINDOW_ERRORS = ['PERIOD.NOT_FOUND', 'PERIOD.NOT_OPEN', 'PERIOD.CLOSED'] as const;

export const nominationContract = defineContract('nomination', {
  getMine: action<{
    nomination: NominationView | null;
    draft: DraftView | null;
    /** The youth's unit's list is filed and locked: a submission would wait for it to reopen (issue 9 §3). */
    listLocked: boolean;
    options: MineOptions;
    /** Who the nomination waits on now (issue 9); null when nothing is pending. */
    waiting: Waiting | null;
  }>()({
    input: z.strictObject({}),
    access: ['youth'],
    write: false,
    errors: ['PERIOD.NOT_FOUND'],
  }),
  /** Saved as the youth types; the ID number and phone are not part of a draft (they stay on the phone). */
  saveDraft: action<{ draft: DraftView }>()({
    input: z.strictObject({ fields: NominationDraft }),
    access: ['youth'],
    write: true,
    errors: [...WINDOW_ERRORS, 'ACCOUNT.NOT_BOUND', 'NOMINATION.DUPLICATE', 'FILE.INVALID'],
  }),
  submitSelf: action<{ nomination: NominationView }>()({
    input: SelfNominationInput,
    access: ['youth'],
    write: true,
    errors: [
      ...ELIGIBILITY_ERRORS,
      ...WINDOW_ERRORS,
      'ACCOUNT.NOT_BOUND',
      'CONSENT.REQUIRED',
      'PROFILE.DEGREE_MISMATCH',
      'NOMINATION.DUPLICATE',
      'FILE.INVALID',
    ],
  }),
  /** R9.2 the youth withdraws; the record leaves every list and its personal data is erased after the retention. */
  withdraw: action<{ nomination: NominationView }>()({
    input: z.strictObject({ nominationId, reason: optionalText(200) }),
    access: ['youth'],
    write: true,
    errors: ['NOMINATION.NOT_FOUND', 'NOMINATION.INVALID_STATE', 'FILING.LOCKED'],
  }),
  /** 组织推荐 (R4.1): a unit admin enters the same form; the youth may claim it later with the one-time code. */
  nominateByUnit: action<{ nomination: NominationView; claimCode: string }>()({
    input: z.strictObject({ unitId: id, form: NominationForm, consentObtained: z.literal(true) }),
    access: ['unitAdmin'],
    write: true,
    errors: [
      ...ELIGIBILITY_ERRORS,
      ...WINDOW_ERRORS,
      'AUTH.OUT_OF_SCOPE',
      'ORG.NOT_FOUND',
      'ORG.NOT_A_UNIT',
      'PROFILE.DEGREE_MISMATCH',
      'NOMINATION.DUPLICATE',
      'FILE.INVALID',
    ],
  }),
  /** The youth claims a unit-entered record: only someone with both the code and the ID number can. */
  claim: action<{ nomination: NominationView }>()({
    input: ClaimInput,
    access: 'identified',
    write: true,
    errors: [
      'CLAIM.INVALID',
      'CLAIM.TOO_MANY_ATTEMPTS',
      'CONSENT.REQUIRED',
      'PERIOD.NOT_FOUND',
      'ACCOUNT.ALREADY_BOUND',
    ],
  }),
  reissueClaimCode: action<{ claimCode: string }>()({
    input: z.strictObject({ nominationId }),
    access: ['unitAdmin'],
    write: true,
    replay: false,
    errors: ['NOMINATION.OWN_RECORD', 'NOMINATION.NOT_FOUND', 'NOMINATION.INVALID_STATE', 'AUTH.OUT_OF_SCOPE'],
  }),
  /** The record with today's eligibility verdict, as the reviewer will meet it on approval (R2.5). */
  get: action<{ nomination: NominationView; eligibility: EligibilityView; review: ReviewerView | null }>()({
    input: z.strictObject({ nominationId }),
    access: ['youth', 'unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: false,
    errors: ['NOMINATION.NOT_FOUND', 'AUTH.OUT_OF_SCOPE'],
  }),
  /** The audited view (R9.1): a reviewer in scope sees one full value, with a recorded reason. */
  reveal: action<{ value: string }>()({
    input: RevealInput,
    access: ['unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: true,
    // R9.1 a revealed number is never kept for replay: each reveal is checked and audited afresh.
    replay: false,
    errors: ['NOMINATION.OWN_RECORD', 'NOMINATION.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'CONSENT.WITHDRAWN'],
  }),
  /**
   * Issue 8 §6: the district (or the city) voids a record, e.g. one entered with someone else's ID number, with
   * a recorded reason. The person's place is free again; the record is erased after the retention.
   */
  voidNomination: action<{ nomination: NominationView }>()({
    input: VoidInput,
    access: ['districtAdmin', 'cityAdmin'],
    write: true,
    errors: [
      'NOMINATION.OWN_RECORD',
      'NOMINATION.NOT_FOUND',
      'NOMINATION.INVALID_STATE',
      'AUTH.OUT_OF_SCOPE',
      'INPUT.INVALID',
      'FILING.LOCKED',
    ],
  }),
  photoLink: action<{ url: string; expiresAt: string }>()({
    input: z.strictObject({ nominationId: z.optional(nominationId), fileId: z.optional(fileId) }),
    access: ['youth', 'unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: false,
    errors: ['NOMINATION.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'FILE.INVALID'],
  }),
  listForReview: action<Paged<ReviewItem>>()({
    input: z.strictObject({
      unitId: z.optional(id),
      /** Only what the caller decides on (home's 待审核 count): their units, and those without an admin they review. */
      decidable: z.optional(z.boolean()),
      status: z.optional(z.enum(['submitted', 'held', 'approved', 'rejected', 'returned'])),
      /** Name, matched from its start. */
      keyword,
      page,
      pageSize,
    }),
    access: ['unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  /** The unit's admin decides; for a unit without an admin, its district (or the city for a city-level unit). */
  review: action<{ nomination: NominationView }>()({
    input: ReviewInput,
    access: ['unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: true,
    errors: REVIEW_ERRORS,
  }),
  /**
   * Issue 9: approve several with one confirmation, in one transaction — if any one is refused (its quota, its
   * state, the lock…), none is approved and the refusal names it (`details.nominationId`, `details.name`).
   */
  reviewBatch: action<{ approved: NominationView[] }>()({
    input: ReviewBatchInput,
    access: ['unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: true,
    errors: REVIEW_ERRORS,
  }),
});

export type NominationContract = typeof nominationContract;
