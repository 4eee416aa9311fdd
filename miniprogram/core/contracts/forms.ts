/**
 * The inputs of the actions a person types into, besides the nomination form
 * (nomination-form.ts): each contract takes its input from here, and the phone
 * checks what is typed against the same schema before sending (bounds and all,
 * services/form-errors.ts). Kept apart from the contracts so the main package
 * carries these few schemas rather than every contract.
 */
import * as z from 'zod/mini';
import { CONTACT_PATTERN } from '../id-number';
import { CODE_PATTERN } from '../one-time-code';
import { id, REASON_MIN, reasonText, text } from './common';
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
  /** Required by rejecting and returning (the table's `reason`); the one reason bound when given. */
  comment: z.optional(reasonText),
  /** R2.2, R2.3, R4.2: approving is the reviewer's confirmation of on-staff status and the three criteria. */
  confirm: z.optional(z.strictObject({ onStaff: z.literal(true), attestations: z.literal(true) })),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** The most nominations approved with one confirmation (issue 9: batch approval). */
export const BATCH_MAX = 20;

/** Issue 9: several nominations approved with one confirmation; all of them or, if one is refused, none. */
export const ReviewBatchInput = z.strictObject({
  nominationIds: z.array(nominationId).check(
    z.minLength(1),
    z.maxLength(BATCH_MAX),
    z.refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate nomination' }),
  ),
  confirm: z.strictObject({ onStaff: z.literal(true), attestations: z.literal(true) }),
});

/** Why a role is taken back or an invitation voided (issue 8 §7). */
export const AccessReason = text(200, 4);

/** R9.1 the audited view of one full number needs a reason. */
export const RevealInput = z.strictObject({ nominationId, field: z.enum(['idNumber', 'phone']), reason: reasonText });

/** Issue 8 §6 the district voids a record, with the reason kept in its history and the audit trail. */
export const VoidInput = z.strictObject({ nominationId, reason: text(200, 2) });

/** R3.2 a quota raised (or lowered) by the district or city, with the reason. */
export const SetQuotaInput = z.strictObject({
  unitId: id,
  quota: z.int().check(z.minimum(0), z.maximum(500)),
  reason: reasonText,
});

/** R4.4 a list filed; an empty one only with the declaration "本单位本期无推荐人选" and its reason (issue 9 §4). */
export const FileInput = z.strictObject({ filingId: subjectId, emptyReason: z.optional(reasonText) });

/** A unit admin asks for more places (R3.2): the number wanted and why. */
export const RequestQuotaInput = z.strictObject({
  unitId: id,
  quota: z.int().check(z.minimum(1), z.maximum(500)),
  reason: reasonText,
});

/** The district (or the city) decides a request, with the reason the unit will read. */
export const DecideQuotaRequestInput = z.strictObject({
  requestId: id,
  decision: z.enum(['approve', 'reject']),
  reason: reasonText,
});

/** R4.4 a filed list sent back by the district or city, with the reason the unit will read. */
export const ReopenInput = z.strictObject({ filingId: subjectId, reason: reasonText });

/** R8 the unit's disposition of an objection, with its note. */
export const ResolveObjectionInput = z.strictObject({
  objectionId: id,
  disposition: z.enum(['upheld', 'dismissed']),
  note: text(500, REASON_MIN),
});

/** R8 anyone's objection to a youth in the public notice. */
export const ObjectionInput = z.strictObject({
  nominationId: z.string().check(z.maxLength(80), z.regex(/^[A-Za-z0-9_:-]+$/)),
  content: text(500, 10),
  /** Issue 9 §8: a mainland mobile or a landline with its area code; nothing typed is no contact. */
  contact: z.optional(z.string().check(z.trim(), z.maxLength(20), z.regex(new RegExp(`^$|${CONTACT_PATTERN.source}`)))),
  /** The notice asks for 实名反映: the page requires the objector's name (optional here for older clients). */
  objectorName: z.optional(personName),
});

/** Issue 9 §8: the objector's contact, shown to whoever handles the objection through an audited view. */
export const RevealContactInput = z.strictObject({ objectionId: id, reason: reasonText });
