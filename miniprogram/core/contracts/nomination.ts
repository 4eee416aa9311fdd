import * as z from 'zod/mini';
import type { Sex } from '../id-number';
import type { Channel, NominationStatus } from '../nomination';
import type { Waiting } from '../waiting';
import { id, keyword, optionalText, page, pageSize, type Paged } from './common';
import { NominationDraft, NominationForm } from './nomination-form';
import type { Attestation, Degree, Education, PoliticalStatus } from '../profile';
import { action, defineContract } from './define';
import { ClaimInput, nominationId, RevealInput, ReviewInput } from './forms';

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
  /** Who confirmed on-staff status and the criteria when approving (R4.2). */
  confirmation: { byName: string; at: string } | null;
  submittedAt: string | null;
  history: Array<{ at: string; action: string; actorName: string; comment: string | null }>;
}

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
  'ELIGIBILITY.ID_CHECKSUM',
  'ELIGIBILITY.ID_DATE',
  'ELIGIBILITY.TOO_OLD',
  'ELIGIBILITY.TOO_YOUNG',
  'ELIGIBILITY.NOT_ON_STAFF',
  'ELIGIBILITY.PHONE_FORMAT',
  'ELIGIBILITY.ATTESTATION_MISSING',
] as const;

const WINDOW_ERRORS = ['PERIOD.NOT_FOUND', 'PERIOD.NOT_OPEN', 'PERIOD.CLOSED'] as const;

export const nominationContract = defineContract('nomination', {
  getMine: action<{
    nomination: NominationView | null;
    draft: DraftView | null;
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
    errors: [...WINDOW_ERRORS, 'ACCOUNT.NOT_BOUND', 'NOMINATION.DUPLICATE'],
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
    ],
  }),
  /** The youth claims a unit-entered record: only someone with both the code and the ID number can. */
  claim: action<{ nomination: NominationView }>()({
    input: ClaimInput,
    access: 'identified',
    write: true,
    errors: ['CLAIM.INVALID', 'CONSENT.REQUIRED', 'PERIOD.NOT_FOUND', 'ACCOUNT.ALREADY_BOUND'],
  }),
  /** The record with today's eligibility verdict, as the reviewer will meet it on approval (R2.5). */
  get: action<{ nomination: NominationView; eligibility: EligibilityView }>()({
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
    errors: ['NOMINATION.OWN_RECORD', 'NOMINATION.NOT_FOUND', 'AUTH.OUT_OF_SCOPE'],
  }),
  listForReview: action<Paged<NominationView>>()({
    input: z.strictObject({
      unitId: z.optional(id),
      status: z.optional(z.enum(['submitted', 'approved', 'rejected', 'returned'])),
      /** Name, matched from its start. */
      keyword,
      page,
      pageSize,
    }),
    access: ['unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  review: action<{ nomination: NominationView }>()({
    input: ReviewInput,
    access: ['unitAdmin'],
    write: true,
    errors: [
      'NOMINATION.OWN_RECORD',
      ...ELIGIBILITY_ERRORS,
      'NOMINATION.NOT_FOUND',
      'NOMINATION.INVALID_STATE',
      'AUTH.OUT_OF_SCOPE',
      'INPUT.INVALID',
      'QUOTA.EXCEEDED',
      'FILING.LOCKED',
    ],
  }),
});

export type NominationContract = typeof nominationContract;
