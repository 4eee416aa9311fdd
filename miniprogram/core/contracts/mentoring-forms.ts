/**
 * The mentoring inputs the phone checks before sending (issue 11), apart from the contract so the phone carries
 * these few schemas, not the whole contract (the pattern of forms.ts): a mentor's profile, a youth's goals, and the
 * reasons for a decline or a pause.
 */
import * as z from 'zod/mini';
import { id, optionalText, text } from './common';

export const SECTORS = [
  'party_gov',
  'finance',
  'education',
  'health',
  'law',
  'manufacturing',
  'digital',
  'agriculture',
  'culture',
  'transport',
  'construction',
  'commerce',
  'social',
] as const;
export type Sector = (typeof SECTORS)[number];

export const MAX_CAPACITY = 10;
export const MAX_GOALS = 3;
export const MAX_EXPERTISE = 5;

const label = text(12);

export const MentorProfileInput = z.strictObject({
  orgName: text(40),
  unitId: z.optional(id),
  sector: z.enum(SECTORS),
  districtId: id,
  expertise: z.array(label).check(z.minLength(1), z.maxLength(MAX_EXPERTISE)),
  capacity: z.int().check(z.minimum(1), z.maximum(MAX_CAPACITY)),
  excludedNames: z.array(text(20)).check(z.maxLength(20)),
});

export const GoalsInput = z.strictObject({
  sector: z.enum(SECTORS),
  goals: z.array(label).check(z.minLength(1), z.maxLength(MAX_GOALS)),
  note: optionalText(200),
});

export const MentoringReason = text(200);
