/**
 * The inputs of the actions a person types into, besides the nomination form
 * (nomination-form.ts): each contract takes its input from here, and the phone
 * checks what is typed against the same schema before sending (bounds and all,
 * services/form-errors.ts). Kept apart from the contracts so the main package
 * carries these few schemas rather than every contract.
 */
import * as z from 'zod/mini';
import { CODE_PATTERN } from '../one-time-code';
import { id, optionalText, text } from './common';
import { idNumberField, personName } from './nomination-form';

export const nominationId = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_:-]+$/));
/** A filing subject: `<periodId>:unit:<orgId>` or `<periodId>:district:<orgId>` (R4.4). */
export const subjectId = z.string().check(z.maxLength(100), z.regex(/^[A-Za-z0-9_-]+:(unit|district):[A-Za-z0-9_-]+$/));
/** Invitation and claim codes: 8 upper-case letters or digits. */
const oneTimeCode = z.string().check(z.trim(), z.regex(CODE_PATTERN));

export const BindUnitInput = z.strictObject({ unitId: id, displayName: text(20) });
export const RedeemInviteInput = z.strictObject({ code: oneTimeCode, displayName: text(20) });

/** Only someone with both the code and the ID number can claim a unit-entered record. */
export const ClaimInput = z.strictObject({ claimCode: oneTimeCode, idNumber: idNumberField });

export const ReviewInput = z.strictObject({
  nominationId,
  decision: z.enum(['approve', 'reject', 'return']),
  comment: optionalText(200),
  /** R2.2, R2.3, R4.2: approving is the reviewer's confirmation of on-staff status and the three criteria. */
  confirm: z.optional(z.strictObject({ onStaff: z.literal(true), attestations: z.literal(true) })),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** R9.1 the audited view of one full number needs a reason. */
export const RevealInput = z.strictObject({ nominationId, field: z.enum(['idNumber', 'phone']), reason: text(100, 2) });

/** R3.2 a quota raised (or lowered) by the district or city, with the reason. */
export const SetQuotaInput = z.strictObject({
  unitId: id,
  quota: z.int().check(z.minimum(0), z.maximum(500)),
  reason: text(200, 2),
});

/** R4.4 a filed list sent back by the district or city, with the reason the unit will read. */
export const ReopenInput = z.strictObject({ filingId: subjectId, reason: text(200, 2) });

/** R8 the unit's disposition of an objection, with its note. */
export const ResolveObjectionInput = z.strictObject({
  objectionId: id,
  disposition: z.enum(['upheld', 'dismissed']),
  note: text(500, 2),
});

/** R8 anyone's objection to a youth in the public notice. */
export const ObjectionInput = z.strictObject({
  nominationId: z.string().check(z.maxLength(80), z.regex(/^[A-Za-z0-9_:-]+$/)),
  content: text(500, 10),
  contact: optionalText(30),
  /** The notice asks for 实名反映: the page requires the objector's name (optional here for older clients). */
  objectorName: z.optional(personName),
});
