import * as z from 'zod/mini';
import type { Sex } from '../id-number';
import type { Channel, NominationStatus } from '../nomination';
import { id, page, pageSize, text, type Paged } from './common';
import { action, defineContract } from './define';

/** A nomination as any list or detail shows it: personal data masked (R9.1). */
export interface NominationView {
  id: string;
  periodId: string;
  channel: Channel;
  status: NominationStatus;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  birthDate: string;
  sex: Sex;
  post: string;
  unitId: string;
  unitName: string;
  submittedAt: string | null;
  history: Array<{ at: string; action: string; actorName: string; comment: string | null }>;
}

export const SelfNominationInput = z.strictObject({
  name: text(20),
  idNumber: z.string().check(z.trim(), z.minLength(15), z.maxLength(20)),
  phone: z.string().check(z.trim(), z.regex(/^\d{11}$/)),
  post: text(60),
  onStaff: z.boolean(),
});
export type SelfNominationInput = z.infer<typeof SelfNominationInput>;

export const ReviewInput = z.strictObject({
  nominationId: z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_:-]+$/)),
  decision: z.enum(['approve', 'reject', 'return']),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

const ELIGIBILITY_ERRORS = [
  'ELIGIBILITY.ID_FORMAT',
  'ELIGIBILITY.ID_CHECKSUM',
  'ELIGIBILITY.ID_DATE',
  'ELIGIBILITY.TOO_OLD',
  'ELIGIBILITY.TOO_YOUNG',
  'ELIGIBILITY.NOT_ON_STAFF',
  'ELIGIBILITY.PHONE_FORMAT',
] as const;

export const nominationContract = defineContract('nomination', {
  getMine: action<{ nomination: NominationView | null }>()({
    input: z.strictObject({}),
    access: ['youth'],
    write: false,
    errors: ['PERIOD.NOT_FOUND'],
  }),
  submitSelf: action<{ nomination: NominationView }>()({
    input: SelfNominationInput,
    access: ['youth'],
    write: true,
    errors: [
      ...ELIGIBILITY_ERRORS,
      'ACCOUNT.NOT_BOUND',
      'PERIOD.NOT_FOUND',
      'PERIOD.NOT_OPEN',
      'PERIOD.CLOSED',
      'NOMINATION.DUPLICATE',
    ],
  }),
  listForReview: action<Paged<NominationView>>()({
    input: z.strictObject({
      unitId: z.optional(id),
      status: z.optional(z.enum(['submitted', 'approved', 'rejected', 'returned'])),
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
      ...ELIGIBILITY_ERRORS,
      'NOMINATION.NOT_FOUND',
      'NOMINATION.INVALID_STATE',
      'AUTH.OUT_OF_SCOPE',
      'INPUT.INVALID',
    ],
  }),
});

export type NominationContract = typeof nominationContract;
export type SelfNominationFields = keyof SelfNominationInput;
