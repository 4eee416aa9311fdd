/**
 * The full nomination form (R2, R4.1): the same fields whichever channel
 * fills it — the youth (个人自荐) or the unit (组织推荐).
 */
import * as z from 'zod/mini';
import { DEEDS_MAX, DEEDS_MIN, DEGREES, EDUCATIONS, POLITICAL_STATUSES } from '../profile';
import { optionalText, text } from './common';

/** Chinese names (with the middle dot of minority names) or Latin letters. */
export const personName = z
  .string()
  .check(z.trim(), z.minLength(2), z.maxLength(20), z.regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/));
export const idNumberField = z.string().check(z.trim(), z.minLength(15), z.maxLength(20), z.regex(/^[0-9Xx ]+$/));
export const phoneField = z.string().check(z.trim(), z.regex(/^\d{11}$/));
/** Cloud storage file ids (production) or the dev server's file store (local). */
export const fileId = z.string().check(
  z.maxLength(200),
  // No "..", no leading slash: a file id names a stored object, never a path to walk.
  z.regex(/^(cloud|local):\/\/[A-Za-z0-9_-][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+|\/[A-Za-z0-9_-]+)*$/),
);

export const Attestations = z.strictObject({ political: z.boolean(), moral: z.boolean(), contribution: z.boolean() });

export const NominationForm = z.strictObject({
  name: personName,
  idNumber: idNumberField,
  phone: phoneField,
  education: z.enum(EDUCATIONS),
  degree: z.enum(DEGREES),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  duty: optionalText(30),
  post: text(40),
  title: optionalText(30),
  skillLevel: optionalText(30),
  onStaff: z.boolean(),
  attestations: Attestations,
  deeds: text(DEEDS_MAX, DEEDS_MIN),
  photoFileId: z.optional(fileId),
  /** R8.1: the deeds may be shown publicly only with this consent. */
  showcaseConsent: z.boolean(),
});
export type NominationForm = z.infer<typeof NominationForm>;

/** A draft: every field optional and only bounded, so half-typed input can be kept. */
export const NominationDraft = z.strictObject({
  name: optionalText(20),
  idNumber: z.optional(z.string().check(z.trim(), z.maxLength(20), z.regex(/^[0-9Xx ]*$/))),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(11), z.regex(/^\d*$/))),
  education: z.optional(z.enum(EDUCATIONS)),
  degree: z.optional(z.enum(DEGREES)),
  politicalStatus: z.optional(z.enum(POLITICAL_STATUSES)),
  duty: optionalText(30),
  post: optionalText(40),
  title: optionalText(30),
  skillLevel: optionalText(30),
  onStaff: z.optional(z.boolean()),
  attestations: z.optional(Attestations),
  deeds: optionalText(DEEDS_MAX),
  photoFileId: z.optional(fileId),
  showcaseConsent: z.optional(z.boolean()),
});
export type NominationDraft = z.infer<typeof NominationDraft>;
