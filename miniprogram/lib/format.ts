/** View formatting shared by pages and components: instants shown in China time whatever the phone's zone. */
import { chinaClock, chinaDate, chineseDate, chineseDateTime } from '../core/china-time';
import type { Sex } from '../core/id-number';

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

/** The instant an ISO string names, or null for null, '' or garbage. */
function instantOf(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The app's one date style (core `chineseDateTime`): `2026-11-24T02:30:00.000Z` → `2026年11月24日 10:30`, China
 * time whatever the phone's zone; '' for null or garbage. Every page and component formats instants through here.
 */
export function chinaDateTime(iso: string | null | undefined): string {
  const at = instantOf(iso);
  return at ? chineseDateTime(at) : '';
}

/** `2026-11-24T02:30:00.000Z` → `2026年11月24日` (China date). */
export function chinaDateText(iso: string | null | undefined): string {
  const at = instantOf(iso);
  return at ? chineseDate(chinaDate(at)) : '';
}

/** `2026-11-24T02:30:00.000Z` → `10:30` (China time), for "saved at" within the same day. */
export function chinaTimeText(iso: string | null | undefined): string {
  const at = instantOf(iso);
  return at ? chinaClock(at) : '';
}

/** `312000` → `305 KB`, `2400000` → `2.3 MB`: a file's size as a person reads it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A one-time code (invitation, claim) as people type it: the rule is core's. */
export { normalizeCode } from '../core/one-time-code';

/** The comment of the latest history entry of `action` (the unit's reason for returning or rejecting). */
export const lastComment = (
  history: ReadonlyArray<{ action: string; comment: string | null }>,
  action: string,
): string => [...history].reverse().find((h) => h.action === action)?.comment ?? '';
