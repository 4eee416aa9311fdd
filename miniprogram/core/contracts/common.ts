import * as z from 'zod/mini';

/**
 * Shared field schemas. Every string is trimmed and bounded so nothing oversize reaches the store, and free text
 * refuses control characters (NUL, escape sequences, DEL…) other than line breaks and tabs.
 */
const PRINTABLE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
export const text = (max: number, min = 1) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max), z.regex(PRINTABLE));
export const optionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max), z.regex(PRINTABLE)));
/**
 * Every reason a cadre gives (a review comment, an audited reveal, a quota change, a reopened list, an
 * objection's disposition, an empty list's declaration) has one minimum and one maximum: "核对" says nothing and
 * is refused (issue 9 §16), and the same reason never has two bounds on two pages.
 */
export const REASON_MIN = 4;
export const REASON_MAX = 200;
export const reasonText = text(REASON_MAX, REASON_MIN);
/** A search box: short free text, the same refusals. */
export const keyword = optionalText(20);
export const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:.-]+$/));
export const page = z.optional(z.int().check(z.minimum(1), z.maximum(10_000)));
export const pageSize = z.optional(z.int().check(z.minimum(1), z.maximum(50)));
export const empty = z.strictObject({});

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}
