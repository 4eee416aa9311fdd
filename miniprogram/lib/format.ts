/** View formatting shared by pages and components: instants shown in China time whatever the phone's zone. */
import { CHINA_OFFSET_MS, chineseDate } from '../core/china-time';
import type { Sex } from '../core/id-number';

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };

/** `2026-11-24T02:30:00.000Z` → `2026-11-24 10:30` (China time); '' for null or garbage. */
export function chinaDateTime(iso: string | null): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-11-24T02:30:00.000Z` → `2026年11月24日` (China date). */
export function chinaDateText(iso: string): string {
  const text = chinaDateTime(iso);
  return text ? chineseDate(text.slice(0, 10)) : '';
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
