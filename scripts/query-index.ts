/**
 * Which declared index serves a query: on CloudBase a query no index serves
 * scans the whole collection (slow, and billed per document read), so every
 * query shape the functions send must start on an index of the collection
 * registry. Shapes are recorded while the suite runs (test/support/query-shapes.ts)
 * and checked after it by `scripts/check-indexes.ts`.
 */
import { INDEX_DECLARATIONS } from '../cloudfunctions/_lib/collections';

/** A query as recorded: the collection, the operation and the filter with its values replaced by their kind. */
export interface QueryShape {
  collection: string;
  op: string;
  filter: Record<string, unknown>;
  sort?: string[];
}

/** Queries that may scan, each with the reason; anything else without an index fails the check. */
export const MAY_SCAN: ReadonlyArray<{ collection: string; fields: string; why: string }> = [
  // One period per three years: the whole collection is a handful of documents (the migration lists them all).
  { collection: 'periods', fields: '', why: 'a handful of documents, read whole' },
  // The services catalogue: the six types of R7.2 and the few the city adds.
  { collection: 'serviceTypes', fields: '', why: 'a handful of documents, read whole' },
];

const RANGE = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte']);

/** Fields a query constrains in a way an index can seek on (equality, $in, range, anchored prefix). */
export function seekable(filter: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(filter)) {
    for (const f of seekableOf(key, value)) out.add(f);
  }
  return out;
}

function seekableOf(key: string, value: unknown): string[] {
  if (key === '$and' && Array.isArray(value)) {
    return (value as Array<Record<string, unknown>>).flatMap((branch) => [...seekable(branch)]);
  }
  if (key === '$or' && Array.isArray(value)) {
    // Every branch must seek on an index (index union): the fields all branches share.
    const branches = (value as Array<Record<string, unknown>>).map(seekable);
    return [...(branches[0] ?? [])].filter((f) => branches.every((b) => b.has(f)));
  }
  const elem = elemMatchOf(value);
  if (!key.startsWith('$') && elem) return [...seekable(elem)].map((f) => `${key}.${f}`);
  return !key.startsWith('$') && seeks(value) ? [key] : [];
}

/** The condition of `{ $elemMatch: {...} }` on an array of objects: it seeks on `<array>.<field>` indexes. */
function elemMatchOf(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const m = (value as { $elemMatch?: unknown }).$elemMatch;
  return typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : null;
}

function seeks(value: unknown): boolean {
  if (value === 'regex:anchored') return true;
  if (typeof value === 'string' && value.startsWith('regex:')) return false;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return true; // equality
  const ops = Object.keys(value);
  if (ops.some((op) => op === '$regex')) return (value as { $regex: unknown }).$regex === 'regex:anchored';
  return ops.length > 0 && ops.some((op) => RANGE.has(op));
}

/** The name of the declared index that serves `shape` (`_id` for lookups by id), or null. */
export function indexFor(shape: QueryShape): string | null {
  const fields = seekable(shape.filter);
  if (fields.has('_id')) return '_id';
  const indexes = INDEX_DECLARATIONS.get(shape.collection) ?? [];
  for (const index of indexes) if (fields.has(index[0])) return index.join('+');
  // A sort on an index's first field walks that index (an unfiltered, ordered page).
  const first = shape.sort?.[0];
  if (first && Object.keys(shape.filter).length === 0) {
    const byIndex = indexes.find((i) => i[0] === first);
    if (byIndex) return byIndex.join('+');
  }
  return null;
}

/** The shapes no declared index serves and no `MAY_SCAN` entry excuses. */
export function unindexed(shapes: QueryShape[]): QueryShape[] {
  return shapes.filter(
    (s) =>
      !indexFor(s) &&
      !MAY_SCAN.some((m) => m.collection === s.collection && m.fields === Object.keys(s.filter).sort().join(',')),
  );
}
