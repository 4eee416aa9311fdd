/**
 * The embedded store: the default on a laptop, in tests and in CI.
 *
 * - Documents live in a `Map` by `_id` per collection; mingo evaluates filters,
 *   sort/skip/limit/projection, update operators and aggregation pipelines, so
 *   the same Mongo objects that go to CloudBase work here.
 * - With `dir`, every acknowledged write is first appended to
 *   `<dir>/<collection>.jsonl` and fsync'ed; the promise resolves only after
 *   that. On open the log is replayed; a torn last line (crash mid-append) is
 *   dropped and truncated away, corruption anywhere else is refused loudly.
 * - Secondary indexes (value → ids) on configured top-level fields narrow
 *   equality / `$in` filters before mingo runs.
 * - Every write runs synchronously between awaits, so conditional updates are
 *   atomic without locks. Transactions hold an async mutex that outside reads
 *   and writes queue behind (nobody sees uncommitted data), keep an undo log,
 *   and write a commit record to `_transactions.jsonl`; tx-tagged log lines
 *   without a commit are skipped on replay, so a crash mid-transaction leaves
 *   nothing behind.
 * - One process per directory: nothing stops two processes from appending to
 *   the same logs, so don't point two servers at one `dir`.
 * - Collection names follow CloudBase's rule (2–33 characters of
 *   `[a-zA-Z0-9_-]`, starting alphanumeric), so laptop and cloud agree.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Aggregator, Query, find as mingoFind, update as mingoUpdate } from 'mingo';
import { checkFindOptions, checkPipeline, checkUpdate, DuplicateKeyError } from './port';
import type { Collection, Doc, Filter, FindOptions, Store, Update } from './port';

export interface EmbeddedStoreOptions {
  /** Directory for the per-collection logs; omit for a purely in-memory store. */
  dir?: string;
  /** Collection name → top-level fields to keep secondary indexes on. */
  indexes?: Record<string, string[]>;
}

type Row = Record<string, unknown> & { _id: string };
type Criteria = ConstructorParameters<typeof Query>[0];
type Projection = NonNullable<Parameters<typeof mingoFind>[2]>;
type Modifier = Parameters<typeof mingoUpdate>[1];

/** CloudBase's own rule, so a name that works here also works in the cloud. */
const COLLECTION_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{1,32}$/;
const LOG_EXT = '.jsonl';
const TX_LOG = '_transactions.jsonl';
/** Compact on open once the log has this many lines and more than twice as many as live documents. */
const COMPACT_MIN_LINES = 1000;
/** Past this share of the collection an index lookup (plus re-sorting) costs more than a scan. */
const INDEX_MAX_SHARE = 0.5;

/* ------------------------------------------------------------------ helpers */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Reads hand out copies and writes keep copies, so nobody can mutate the store
 * behind its back. Not structuredClone: it builds Dates in the host realm, so
 * under jest's vm sandbox `instanceof Date` would fail for every stored Date.
 */
function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/* ---------------------------------------------------------------- log codec */

type LogOp = { op: 'put'; doc: Row; tx?: string } | { op: 'del'; _id: string; tx?: string };

/** JSON with Dates boxed as `{"$date": iso}`; the replacer looks at the raw value because `Date#toJSON` runs first. */
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
    return encoded;
  });
}

function isDateBox(value: unknown): value is { $date: string | null } {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$date' && (typeof value.$date === 'string' || value.$date === null);
}

function decode(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (isDateBox(value) ? new Date(value.$date ?? NaN) : value));
}

function parseOp(value: unknown): LogOp | undefined {
  if (!isPlainObject(value)) return undefined;
  const tx = value.tx;
  if (tx !== undefined && typeof tx !== 'string') return undefined;
  if (value.op === 'put' && isPlainObject(value.doc) && typeof value.doc._id === 'string') {
    return { op: 'put', doc: value.doc as Row, tx };
  }
  if (value.op === 'del' && typeof value._id === 'string') return { op: 'del', _id: value._id, tx };
  return undefined;
}

function parseCommit(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.commit === 'string' ? value.commit : undefined;
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename/create is still ordered after the data fsync.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

interface LineSpan {
  start: number;
  end: number;
  terminated: boolean;
}

/** Byte spans of the lines in `buf` (a UTF-8 multi-byte sequence never contains 0x0a). */
function splitLines(buf: Buffer): LineSpan[] {
  const lines: LineSpan[] = [];
  for (let start = 0; start < buf.length;) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    lines.push({ start, end, terminated: nl !== -1 });
    start = end + 1;
  }
  return lines;
}

function parseLine<T>(line: string, parse: (value: unknown) => T | undefined): T | undefined {
  try {
    return parse(decode(line));
  } catch {
    return undefined;
  }
}

/**
 * Reads a JSON-lines log. The last non-blank line may be torn by a crash in
 * the middle of an append: if it does not parse it is dropped and the file is
 * truncated before it, so the next append starts on a clean line. A bad line
 * anywhere else cannot come from a torn append, so it is an error.
 */
function readLog<T>(file: string, parse: (value: unknown) => T | undefined): T[] {
  if (!fs.existsSync(file)) return [];
  const buf = fs.readFileSync(file);
  const lines = splitLines(buf);
  const text = (i: number): string => buf.toString('utf8', lines[i].start, lines[i].end);
  let last = lines.length - 1;
  while (last >= 0 && text(last).trim() === '') last--;

  const out: T[] = [];
  for (let i = 0; i <= last; i++) {
    const line = text(i);
    if (line.trim() === '') continue;
    const value = parseLine(line, parse);
    if (value !== undefined) {
      out.push(value);
    } else if (i === last) {
      fs.truncateSync(file, lines[i].start);
      return out;
    } else {
      throw new Error(
        `${file}: line ${i + 1} is corrupt and is not the last line, so it is not a torn write; ` +
          'refusing to open the store (restore the file from a backup or remove the bad line by hand)',
      );
    }
  }
  // A complete last entry whose newline never made it: add it so the next append starts a new line.
  if (last >= 0 && !lines[last].terminated) fs.appendFileSync(file, '\n');
  return out;
}

/** Rewrites a log as one `put` per live document: temp file, fsync, atomic rename, fsync the directory. */
function rewriteLog(file: string, docs: Iterable<Row>): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    let chunk: string[] = [];
    const flush = (): void => {
      if (chunk.length) fs.writeSync(fd, chunk.join(''));
      chunk = [];
    };
    for (const doc of docs) {
      chunk.push(`${encode({ op: 'put', doc })}\n`);
      if (chunk.length >= 1000) flush();
    }
    flush();
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

class AppendLog {
  private fd: number | undefined;
  private size: number;

  constructor(readonly file: string) {
    const existed = fs.existsSync(file);
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
    // A new file is only durable once its directory entry is.
    if (!existed) fsyncDir(path.dirname(file));
  }

  /** Appends and fsyncs before returning: the caller acknowledges the write only after this. */
  append(text: string): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.file} is closed`);
    const buf = Buffer.from(text, 'utf8');
    try {
      for (let off = 0; off < buf.length;) off += fs.writeSync(fd, buf, off);
      fs.fsyncSync(fd);
    } catch (error) {
      // A failed write (disk full...) may leave half a line; cut it off, or the next
      // successful append would glue onto it and corrupt the middle of the log.
      try {
        fs.ftruncateSync(fd, this.size);
      } catch {
        // Nothing more to do: on reopen a torn tail is dropped anyway.
      }
      throw error;
    }
    this.size += buf.length;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Top-level inclusion projections are picked by hand (mingo's projection dominates large pages); others go to mingo. */
function project(rows: Row[], projection: Record<string, 0 | 1>): Row[] {
  const fields = Object.keys(projection);
  const simple = fields.every((f) => projection[f] === 1 && !f.includes('.') && !f.startsWith('$'));
  if (!simple) return mingoFind(rows, {}, projection as Projection).all() as Row[];
  return rows.map((doc) => {
    const out: Row = { _id: doc._id };
    for (const f of fields) if (f in doc) out[f] = doc[f];
    return out;
  });
}

/* ------------------------------------------------------------------ indexes */

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

class CollectionState {
  readonly docs = new Map<string, Entry>();
  readonly indexes = new Map<string, Map<string, Set<string>>>();
  /** Indexed fields that have held an array: their lookup sizes may count a document twice. */
  private readonly multikey = new Set<string>();
  log: AppendLog | undefined;
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

/* ------------------------------------------------------------------- engine */

const LOCK_FILE = '.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data directory: two writers appending to the same logs
 * would interleave and lose acknowledged writes. A lock left by a process
 * that died (SIGKILL, power loss) is taken over.
 */
function acquireLock(dir: string): string {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new Error(`data directory ${dir} is in use by process ${holder}; stop it first`);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}

interface Change {
  id: string;
  before: Row | undefined;
  after: Row | undefined;
}

interface TxContext {
  id: string;
  open: boolean;
  undo: Array<{ state: CollectionState; id: string; before: Row | undefined }>;
}

/** FIFO async mutex; `idle` lets uncontended writes run synchronously (no await between check and write). */
class Mutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  get idle(): boolean {
    return !this.held && this.waiters.length === 0;
  }

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
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
function sortRows(rows: Row[], sort: Record<string, 1 | -1>): Row[] {
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

function applyUpdate(doc: Row, update: Update): Row {
  const next = clone(doc);
  mingoUpdate(next, update as Modifier, undefined, undefined, { cloneMode: 'deep' });
  if (next._id !== doc._id) throw new Error('an update cannot change _id');
  return next;
}

class Engine {
  private readonly states = new Map<string, CollectionState>();
  private readonly mutex = new Mutex();
  private readonly context = new AsyncLocalStorage<TxContext>();
  private txLog: AppendLog | undefined;
  private closed = false;
  private lockFile: string | undefined;

  constructor(
    private readonly dir: string | undefined,
    private readonly indexes: Record<string, string[]>,
  ) {
    if (dir) this.open(dir);
  }

  private open(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    this.lockFile = acquireLock(dir);
    const files = fs.readdirSync(dir);
    // Leftovers of a compaction that crashed before its rename: the original log is still intact.
    for (const f of files) if (f.endsWith(`${LOG_EXT}.tmp`)) fs.rmSync(path.join(dir, f), { force: true });
    const committed = new Set(readLog(path.join(dir, TX_LOG), parseCommit));
    for (const f of files) {
      const name = f.slice(0, -LOG_EXT.length);
      if (f.endsWith(LOG_EXT) && f !== TX_LOG && COLLECTION_NAME.test(name)) {
        this.replay(this.state(name), path.join(dir, f), committed);
      }
    }
  }

  private replay(state: CollectionState, file: string, committed: Set<string>): void {
    const ops = readLog(file, parseOp);
    for (const op of ops) {
      if (op.tx !== undefined && !committed.has(op.tx)) continue; // a transaction that never committed
      if (op.op === 'put') state.set(op.doc);
      else state.delete(op._id);
    }
    if (ops.length > COMPACT_MIN_LINES && ops.length > 2 * state.docs.size) rewriteLog(file, state.all());
  }

  state(name: string): CollectionState {
    let state = this.states.get(name);
    if (!state) {
      if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name "${name}"`);
      state = new CollectionState(name, this.indexes[name] ?? []);
      this.states.set(name, state);
    }
    return state;
  }

  assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }

  /** The one place that changes data: log (fsync) first, then memory, then the transaction's undo log. */
  commitChanges(state: CollectionState, changes: Change[], tx: TxContext | undefined): void {
    this.assertOpen();
    if (changes.length === 0) return;
    if (this.dir) {
      state.log ??= new AppendLog(path.join(this.dir, state.name + LOG_EXT));
      const tag = tx ? { tx: tx.id } : {};
      state.log.append(
        changes
          .map((c) => encode(c.after ? { op: 'put', doc: c.after, ...tag } : { op: 'del', _id: c.id, ...tag }) + '\n')
          .join(''),
      );
    }
    for (const c of changes) {
      if (c.after) state.set(c.after);
      else state.delete(c.id);
    }
    if (tx) for (const c of changes) tx.undo.push({ state, id: c.id, before: c.before });
  }

  /**
   * Runs a non-transactional write. Uncontended it runs synchronously, which
   * is what makes check-and-write atomic; while a transaction holds the mutex
   * it queues, so transactions stay isolated from outside writers.
   */
  exclusive<R>(write: () => R): Promise<R> {
    if (this.context.getStore()?.open) {
      return Promise.reject(
        new Error(
          'write through the outer store inside withTransaction: use the tx store passed to fn ' +
            '(the outer write would wait for the transaction to end, i.e. forever)',
        ),
      );
    }
    if (this.mutex.idle) return new Promise((resolve) => resolve(write()));
    return this.mutex.acquire().then(() => {
      try {
        return write();
      } finally {
        this.mutex.release();
      }
    });
  }

  /**
   * Runs a read. While a transaction runs, readers outside it wait for it to
   * end, so nobody sees writes that may still be rolled back; inside the
   * transaction's own async context reads run at once (and see its writes).
   */
  shared<R>(read: () => R): Promise<R> {
    if (this.mutex.idle || this.context.getStore()?.open) return new Promise((resolve) => resolve(read()));
    return this.mutex.acquire().then(() => {
      try {
        return read();
      } finally {
        this.mutex.release();
      }
    });
  }

  async transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    this.assertOpen();
    if (this.context.getStore()?.open) throw new Error('nested withTransaction is not supported');
    await this.mutex.acquire();
    const tx: TxContext = { id: randomUUID(), open: true, undo: [] };
    try {
      let result: R;
      try {
        result = await this.context.run(tx, () => fn(new EmbeddedStore(this, tx)));
        tx.open = false;
        this.writeCommitRecord(tx);
      } catch (error) {
        tx.open = false;
        this.rollback(tx, error);
        throw error;
      }
      return result;
    } finally {
      this.mutex.release();
    }
  }

  private writeCommitRecord(tx: TxContext): void {
    if (!this.dir || tx.undo.length === 0) return;
    this.txLog ??= new AppendLog(path.join(this.dir, TX_LOG));
    this.txLog.append(`${encode({ commit: tx.id })}\n`);
  }

  /** Restores before-images newest first; in the log as plain (untagged) compensating ops. */
  private rollback(tx: TxContext, cause: unknown): void {
    const byState = new Map<CollectionState, Change[]>();
    for (let i = tx.undo.length - 1; i >= 0; i--) {
      const { state, id, before } = tx.undo[i];
      let list = byState.get(state);
      if (!list) byState.set(state, (list = []));
      list.push({ id, before: undefined, after: before });
    }
    try {
      for (const [state, changes] of byState) this.commitChanges(state, changes, undefined);
    } catch (error) {
      throw new Error(`rolling back a transaction failed (${String(error)}) after: ${String(cause)}`);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.lockFile) fs.rmSync(this.lockFile, { force: true });
    for (const state of this.states.values()) state.log?.close();
    this.txLog?.close();
  }
}

/* ------------------------------------------------------------ store facades */

class EmbeddedCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly engine: Engine,
    private readonly state: CollectionState,
    private readonly tx: TxContext | undefined,
  ) {}

  private read<R>(fn: () => R): Promise<R> {
    const run = (): R => {
      this.engine.assertOpen();
      return fn();
    };
    return this.tx ? new Promise((resolve) => resolve(run())) : this.engine.shared(run);
  }

  private write<R>(fn: (tx: TxContext | undefined) => R): Promise<R> {
    const tx = this.tx;
    if (!tx) return this.engine.exclusive(() => fn(undefined));
    return new Promise((resolve) => {
      if (!tx.open) throw new Error('this transaction has already finished');
      resolve(fn(tx));
    });
  }

  private matches(filter: Filter): (doc: Row) => boolean {
    const query = new Query(filter as Criteria);
    return (doc) => query.test(doc);
  }

  find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.read(() => {
      checkFindOptions(options);
      if (options.limit === 0) return [];
      const start = options.skip ?? 0;
      let rows: Row[];
      if (options.sort && Object.keys(options.sort).length > 0) {
        rows = sortRows(this.state.candidates(filter).filter(this.matches(filter)), options.sort);
        rows = rows.slice(start, options.limit === undefined ? undefined : start + options.limit);
      } else {
        rows = this.page(filter, start, options.limit);
      }
      // Projection last, on the page only: sorting may use fields the projection drops.
      if (options.projection) rows = project(rows, options.projection);
      return rows.map((doc) => clone(doc) as unknown as T);
    });
  }

  /** Natural order needs no sort: stop as soon as the page is full. */
  private page(filter: Filter, skip: number, limit: number | undefined): Row[] {
    const test = this.matches(filter);
    const end = limit === undefined ? Infinity : skip + limit;
    const rows: Row[] = [];
    let seen = 0;
    for (const doc of this.state.scan(filter)) {
      if (!test(doc)) continue;
      if (seen >= skip) rows.push(doc);
      seen += 1;
      if (seen >= end) break;
    }
    return rows;
  }

  async findOne(filter: Filter): Promise<T | null> {
    const [doc] = await this.find(filter, { limit: 1 });
    return doc ?? null;
  }

  get(id: string): Promise<T | null> {
    return this.read(() => {
      const entry = this.state.docs.get(id);
      return entry ? (clone(entry.doc) as unknown as T) : null;
    });
  }

  count(filter: Filter): Promise<number> {
    return this.read(
      () => this.state.indexedCount(filter) ?? this.state.candidates(filter).filter(this.matches(filter)).length,
    );
  }

  insert(doc: T): Promise<void> {
    return this.write((tx) => {
      const row = clone(doc) as unknown as Row;
      if (!isPlainObject(row) || typeof row._id !== 'string' || row._id === '') {
        throw new Error(`insert into ${this.state.name}: _id must be a non-empty string`);
      }
      if (this.state.docs.has(row._id)) throw new DuplicateKeyError(this.state.name, row._id);
      this.engine.commitChanges(this.state, [{ id: row._id, before: undefined, after: row }], tx);
    });
  }

  updateOne(filter: Filter, update: Update): Promise<number> {
    return this.write((tx) => {
      checkUpdate(update);
      const doc = this.state.first(filter, this.matches(filter));
      if (!doc) return 0;
      this.engine.commitChanges(this.state, [{ id: doc._id, before: doc, after: applyUpdate(doc, update) }], tx);
      return 1;
    });
  }

  updateMany(filter: Filter, update: Update): Promise<number> {
    return this.write((tx) => {
      checkUpdate(update);
      const docs = this.state.candidates(filter).filter(this.matches(filter));
      // Compute every new version before writing anything, so a failing operator changes nothing.
      const changes = docs.map((doc) => ({ id: doc._id, before: doc, after: applyUpdate(doc, update) }));
      this.engine.commitChanges(this.state, changes, tx);
      return docs.length;
    });
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.write((tx) => {
      const doc = this.state.first(filter, this.matches(filter));
      if (!doc) return 0;
      this.engine.commitChanges(this.state, [{ id: doc._id, before: doc, after: undefined }], tx);
      return 1;
    });
  }

  aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    return this.read(() => {
      checkPipeline(pipeline);
      const first = pipeline[0]?.$match;
      const source = isPlainObject(first) ? this.state.candidates(first) : this.state.all();
      return new Aggregator(pipeline).run(source).map((row) => clone(row) as unknown as R);
    });
  }
}

class EmbeddedStore implements Store {
  constructor(
    private readonly engine: Engine,
    private readonly tx?: TxContext,
  ) {}

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new EmbeddedCollection<T>(this.engine, this.engine.state(name), this.tx);
  }

  withTransaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    if (this.tx) return Promise.reject(new Error('nested withTransaction is not supported'));
    return this.engine.transaction(fn);
  }

  async close(): Promise<void> {
    // The transactional view shares the engine: closing it would close the whole store.
    if (!this.tx) this.engine.close();
  }
}

export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): Store {
  return new EmbeddedStore(new Engine(options.dir, options.indexes ?? {}));
}
