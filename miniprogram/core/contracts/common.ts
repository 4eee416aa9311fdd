import * as z from 'zod/mini';

/** Shared field schemas. Every string is trimmed and bounded so nothing oversize reaches the store. */
export const text = (max: number, min = 1) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
export const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
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
