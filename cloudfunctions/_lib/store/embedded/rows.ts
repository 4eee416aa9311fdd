/**
 * Documents as the embedded store holds them, and the row-level work it does
 * beside mingo: copying, applying an update, sorting and projecting. Sorting
 * and projecting are done by hand when the data allows, because mingo's
 * general versions dominate the cost of a large page (see scripts/bench).
 */
import { find as mingoFind, update as mingoUpdate } from 'mingo';
import { isPlainObject, type Update } from '../port';

export type Row = Record<string, unknown> & { _id: string };

/** One document's write: `before` feeds a transaction's undo log, `after` (undefined = deleted) the data log. */
export interface Change {
  id: string;
  before: Row | undefined;
  after: Row | undefined;
}

type Projection = NonNullable<Parameters<typeof mingoFind>[2]>;
type Modifier = Parameters<typeof mingoUpdate>[1];

/**
 * Reads hand out copies and writes keep copies, so nobody can mutate the store
 * behind its back. Not structuredClone: it builds Dates in the host realm, so
 * under jest's vm sandbox `instanceof Date` would fail for every stored Date.
 */
export function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/**
 * The updated copy, or `undefined` when the update changes nothing (`$set` to
 * the current value, `$addToSet` of a member, `$inc` by 0...): CloudBase
 * counts such a document as not modified, and so does the embedded store.
 * `doc` itself is untouched, so a failing operator changes nothing.
 */
export function applyUpdate(doc: Row, update: Update): Row | undefined {
  const next = clone(doc);
  const modified = mingoUpdate(next, update as Modifier, undefined, undefined, { cloneMode: 'deep' });
  if (next._id !== doc._id) throw new Error('an update cannot change _id');
  return modified.length > 0 ? next : undefined;
}

/** Top-level inclusion projections are picked by hand (mingo's projection dominates large pages); others go to mingo. */
export function project(rows: Row[], projection: Record<string, 0 | 1>): Row[] {
  const fields = Object.keys(projection);
  const simple = fields.every((f) => projection[f] === 1 && !f.includes('.') && !f.startsWith('$'));
  if (!simple) return mingoFind(rows, {}, projection as Projection).all() as Row[];
  return rows.map((doc) => {
    const out: Row = { _id: doc._id };
    for (const f of fields) if (f in doc) out[f] = doc[f];
    return out;
  });
}

type SimpleKind = 'number' | 'string' | 'boolean' | 'date';

function simpleKind(value: unknown): SimpleKind | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return value instanceof Date && !Number.isNaN(value.getTime()) ? 'date' : undefined;
}

/** The value at a dotted path through plain objects; `undefined` when missing or behind an array. */
function valueAt(doc: Row, segments: string[]): unknown {
  let value: unknown = doc;
  for (const segment of segments) {
    if (!isPlainObject(value)) return undefined;
    value = value[segment];
  }
  return value;
}

function compareSimple(a: unknown, b: unknown): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [a as string | boolean, b as string | boolean];
  if (x < y) return -1;
  return x > y ? 1 : 0;
}

/**
 * Stable sort. mingo's $sort is ~15x slower than Array#sort (it hashes and
 * groups every key), so when each sort key holds one simple type across the
 * rows (the usual case: dates, numbers, strings) compare directly; anything
 * else (missing values, arrays, mixed types) keeps Mongo's full BSON
 * ordering via mingo.
 */
export function sortRows(rows: Row[], sort: Record<string, 1 | -1>): Row[] {
  const keys = Object.entries(sort).map(([field, direction]) => ({ segments: field.split('.'), direction }));
  const columns: unknown[][] = [];
  for (const { segments } of keys) {
    const column = rows.map((row) => valueAt(row, segments));
    const kind = column.length ? simpleKind(column[0]) : 'number';
    if (!kind || !column.every((v) => simpleKind(v) === kind)) {
      return mingoFind(rows, {}).sort(sort).all() as Row[];
    }
    columns.push(column);
  }
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareSimple(columns[k][i], columns[k][j]);
      if (c !== 0) return c * keys[k].direction;
    }
    return i - j;
  });
  return order.map((i) => rows[i]);
}
