/**
 * One collection in memory: documents by `_id` and secondary indexes (value →
 * ids) on configured top-level fields, kept in step with every write. They
 * exist because a full scan of 100,000 youths costs tens of milliseconds per
 * query: equality, `$in` and anchored-prefix `$regex` conditions narrow the
 * candidates before mingo runs, and exact filters are counted from the
 * indexes alone. They only ever narrow; mingo still decides every match.
 */
import { isPlainObject, type Filter } from '../port';
import type { Replica } from './log';
import type { Row } from './rows';

/** Past this share of the collection an index lookup (plus re-sorting) costs more than a scan. */
const INDEX_MAX_SHARE = 0.5;

/** The index key of a scalar; undefined for values an equality index cannot answer (objects, null, regexes...). */
function scalarKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
      return `n:${value}`;
    case 'boolean':
      return `b:${value}`;
    default:
      return value instanceof Date && !Number.isNaN(value.getTime()) ? `d:${value.getTime()}` : undefined;
  }
}

/** Keys a document's field value is found under; array elements are indexed like Mongo's multikey indexes. */
function fieldKeys(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  const keys: string[] = [];
  for (const v of values) {
    const key = scalarKey(v);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

/** Scalars an index can look up for a field condition (`v`, `{$eq: v}`, `{$in: [...]}`); undefined otherwise. */
function lookupValues(condition: unknown): unknown[] | undefined {
  if (scalarKey(condition) !== undefined) return [condition];
  if (!isPlainObject(condition)) return undefined;
  if ('$eq' in condition && scalarKey(condition.$eq) !== undefined) return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && list.every((v) => scalarKey(v) !== undefined)) return list;
  return undefined;
}

interface Lookup {
  size: number;
  /** `size` counts each matching document once. */
  exactSize?: boolean;
  /** Every document of the collection matches. */
  everything?: boolean;
  has(id: string): boolean;
  ids(): Iterable<string>;
}

const REGEX_META = /[\\^$.*+?()[\]{}|]/;

/** `{$regex: '^literal'}` (no flags, no metacharacters after the anchor): a prefix an index can answer. */
function literalPrefix(condition: unknown): string | undefined {
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1 || typeof condition.$regex !== 'string')
    return undefined;
  const pattern = condition.$regex;
  if (!pattern.startsWith('^') || pattern.length < 2 || REGEX_META.test(pattern.slice(1))) return undefined;
  return pattern.slice(1);
}

/** The index keys of string values starting with `prefix`. */
function prefixKeys(index: Map<string, Set<string>>, prefix: string): string[] {
  const wanted = `s:${prefix}`;
  const keys: string[] = [];
  for (const key of index.keys()) if (key.startsWith(wanted)) keys.push(key);
  return keys;
}

interface Entry {
  doc: Row;
  /** Insertion order, so index-narrowed results come back in the same order as a full scan. */
  seq: number;
}

export class CollectionState implements Replica {
  private readonly docs = new Map<string, Entry>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  /** Indexed fields that have held an array: their lookup sizes may count a document twice. */
  private readonly multikey = new Set<string>();
  private nextSeq = 0;

  constructor(
    readonly name: string,
    indexFields: readonly string[],
  ) {
    for (const field of indexFields) {
      if (!field || field.includes('.') || field.startsWith('$')) {
        throw new Error(`index on ${name}.${field}: only top-level fields can be indexed`);
      }
      this.indexes.set(field, new Map());
    }
  }

  get size(): number {
    return this.docs.size;
  }

  get(id: string): Row | undefined {
    return this.docs.get(id)?.doc;
  }

  set(doc: Row): void {
    const prev = this.docs.get(doc._id);
    if (prev) this.unindex(prev.doc);
    this.docs.set(doc._id, { doc, seq: prev ? prev.seq : this.nextSeq++ });
    this.index(doc);
  }

  delete(id: string): void {
    const prev = this.docs.get(id);
    if (!prev) return;
    this.unindex(prev.doc);
    this.docs.delete(id);
  }

  all(): Row[] {
    return Array.from(this.docs.values(), (e) => e.doc);
  }

  /** Documents that may match `filter` (a superset; mingo still runs on them), in insertion order. */
  candidates(filter: Filter): Row[] {
    return this.narrow(filter) ?? this.all();
  }

  /** Like `candidates`, lazily: a full scan yields documents one by one so a page can stop early. */
  *scan(filter: Filter): Iterable<Row> {
    const narrowed = this.narrow(filter);
    if (narrowed) {
      yield* narrowed;
      return;
    }
    for (const entry of this.docs.values()) yield entry.doc;
  }

  /**
   * The count answered by the indexes alone, when every condition of the
   * filter is an equality or `$in` on an indexed field; undefined otherwise.
   */
  indexedCount(filter: Filter): number | undefined {
    const lookups = this.exactLookups(filter);
    if (!lookups) return undefined;
    if (lookups.length === 0) return this.docs.size;
    lookups.sort((a, b) => a.size - b.size);
    const [best, ...rest] = lookups;
    if (rest.length === 0 && best.exactSize) return best.size;
    let n = 0;
    for (const id of best.ids()) if (rest.every((l) => l.has(id))) n += 1;
    return n;
  }

  /**
   * Lookups that answer the whole filter — every condition `{f: v}`,
   * `{f: {$eq: v}}`, `{f: {$in: [...]}}` or `{f: {$regex: '^prefix'}}` on an
   * indexed field with nothing beside it — minus those every document meets.
   */
  private exactLookups(filter: Filter): Lookup[] | undefined {
    const lookups: Lookup[] = [];
    for (const [field, condition] of Object.entries(filter)) {
      const exact = !field.startsWith('$') && (!isPlainObject(condition) || Object.keys(condition).length === 1);
      const lookup = !exact ? undefined : field === '_id' ? this.idLookup(condition) : this.lookup(field, condition);
      if (!lookup) return undefined;
      if (!lookup.everything) lookups.push(lookup);
    }
    return lookups;
  }

  /** The first document, in insertion order, that passes `test`; stops early on a full scan. */
  first(filter: Filter, test: (doc: Row) => boolean): Row | undefined {
    const narrowed = this.narrow(filter);
    if (narrowed) return narrowed.find(test);
    for (const entry of this.docs.values()) if (test(entry.doc)) return entry.doc;
    return undefined;
  }

  /**
   * Index narrowing: the most selective lookup (equality or `$in` on `_id` or
   * an indexed field, also inside a top-level `$and`) intersected with the
   * others. Undefined when no index applies or it would not pay off.
   */
  private narrow(filter: Filter): Row[] | undefined {
    const lookups: Lookup[] = [];
    this.collectLookups(filter, lookups);
    if (lookups.length === 0) return undefined;
    // A lookup every document passes only costs `has` calls.
    const useful = lookups.filter((l) => !l.everything);
    if (useful.length === 0) return undefined;
    lookups.splice(0, lookups.length, ...useful);
    lookups.sort((a, b) => a.size - b.size);
    const [best, ...rest] = lookups;
    if (best.size > this.docs.size * INDEX_MAX_SHARE) return undefined;
    const picked: Entry[] = [];
    for (const id of best.ids()) {
      if (!rest.every((l) => l.has(id))) continue;
      const entry = this.docs.get(id);
      if (entry) picked.push(entry);
    }
    picked.sort((a, b) => a.seq - b.seq);
    return picked.map((e) => e.doc);
  }

  private collectLookups(filter: Filter, out: Lookup[]): void {
    for (const [field, condition] of Object.entries(filter)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const clause of condition) if (isPlainObject(clause)) this.collectLookups(clause, out);
        continue;
      }
      const lookup = field === '_id' ? this.idLookup(condition) : this.lookup(field, condition);
      if (lookup) out.push(lookup);
    }
  }

  /** `_id` is always indexed: it is the key of `docs`. */
  private idLookup(condition: unknown): Lookup | undefined {
    const values = lookupValues(condition);
    if (!values) return undefined;
    const ids = new Set(values.filter((v): v is string => typeof v === 'string' && this.docs.has(v)));
    return { size: ids.size, exactSize: true, has: (id) => ids.has(id), ids: () => ids };
  }

  private lookup(field: string, condition: unknown): Lookup | undefined {
    const index = this.indexes.get(field);
    if (!index) return undefined;
    const prefix = literalPrefix(condition);
    const keys =
      prefix !== undefined ? prefixKeys(index, prefix) : lookupValues(condition)?.map((v) => scalarKey(v) as string);
    if (!keys) return undefined;
    const sets: Set<string>[] = [];
    for (const key of new Set(keys)) {
      const set = index.get(key);
      if (set) sets.push(set);
    }
    const size = sets.reduce((n, s) => n + s.size, 0);
    return {
      size,
      // Without arrays each document sits under one key, so the sizes add up exactly.
      exactSize: !this.multikey.has(field),
      everything: !this.multikey.has(field) && size === this.docs.size,
      has: (id) => sets.some((s) => s.has(id)),
      // An array field can sit in several `$in` buckets: de-duplicate the union.
      ids: () => (sets.length === 1 ? sets[0] : new Set(sets.flatMap((s) => Array.from(s)))),
    };
  }

  private index(doc: Row): void {
    for (const [field, index] of this.indexes) {
      if (Array.isArray(doc[field])) this.multikey.add(field);
      for (const key of fieldKeys(doc[field])) {
        let set = index.get(key);
        if (!set) index.set(key, (set = new Set()));
        set.add(doc._id);
      }
    }
  }

  private unindex(doc: Row): void {
    for (const [field, index] of this.indexes) {
      for (const key of fieldKeys(doc[field])) {
        const set = index.get(key);
        set?.delete(doc._id);
        if (set && set.size === 0) index.delete(key);
      }
    }
  }
}
