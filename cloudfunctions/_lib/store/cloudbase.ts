/**
 * The CloudBase adapter: the store port over @cloudbase/node-sdk's database in
 * raw mode (`options({ raw: true })`), so the Mongo filters and update
 * operators the functions build go to the wire unchanged (research §2).
 *
 * What the SDK does not give us, and how this adapter copes:
 * - `get()` returns at most 1000 documents (100 without a limit): `find`
 *   pages through with skip/limit when the caller asks for more, adding `_id`
 *   as a sort tie-breaker so pages neither overlap nor skip.
 * - `where().update()` / `remove()` default to every match: single-document
 *   operations pass `multiple: false`, and filters without a string `_id` are
 *   first resolved to one `_id` and then re-checked on the server by a
 *   conditional write on `{...filter, _id}`, so the filter is still evaluated
 *   atomically with the write (the concurrency primitive of the port).
 * - CloudBase reports `updated` as the number of documents *modified*; an
 *   update that changes nothing (e.g. `$set` to the current value) reports 0.
 *   The embedded adapter reports the same. Use updates that always change something (a counter, a timestamp) when the
 *   result decides control flow.
 * - Inside `runTransaction` only `doc(id).get/update/remove`, `add` and
 *   `where().get()` carry the transaction id (research §7). The transactional
 *   view therefore throws (`checkInTransaction` in port.ts, shared with the
 *   embedded store) for everything else rather than silently running it
 *   outside the transaction.
 * - Duplicate `_id` errors have no documented code; see `isDuplicateKey`.
 */
import type { CloudBase } from '@cloudbase/node-sdk';
import {
  checkFindOptions,
  checkInTransaction,
  checkPipeline,
  checkUpdate,
  DuplicateKeyError,
  hasStringId,
  TransactionConflictError,
  withIdTieBreak,
} from './port';
import type { Collection, Doc, Filter, FindOptions, Store, Update } from './port';

/* --------------------------------------------- the slice of the SDK we use */

interface SdkResult {
  code?: unknown;
  message?: unknown;
  data?: unknown;
  total?: unknown;
  updated?: unknown;
  deleted?: unknown;
}

interface SdkQuery {
  where(filter: Filter): SdkQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): SdkQuery;
  skip(offset: number): SdkQuery;
  limit(limit: number): SdkQuery;
  field(projection: Record<string, 0 | 1>): SdkQuery;
  get(): Promise<SdkResult>;
  count(): Promise<SdkResult>;
  update(update: Update): Promise<SdkResult>;
  remove(): Promise<SdkResult>;
}

interface SdkDocument {
  get(): Promise<SdkResult>;
  update(update: Update): Promise<SdkResult>;
  remove(): Promise<SdkResult>;
}

interface SdkCollection extends SdkQuery {
  options(options: { raw?: boolean; multiple?: boolean }): SdkCollection;
  doc(id: string): SdkDocument;
  add(doc: Record<string, unknown>): Promise<SdkResult>;
  aggregate(pipeline: Record<string, unknown>[]): { end(): Promise<SdkResult> };
}

interface SdkTransaction {
  collection(name: string): SdkCollection;
}

interface SdkDb {
  collection(name: string): SdkCollection;
  runTransaction<R>(callback: (transaction: SdkTransaction) => Promise<R>, times?: number): Promise<R>;
}

/** The SDK clamps `limit` to this (query.ts); larger reads are paged. */
const PAGE_SIZE = 1000;
/** Attempts of resolve-then-conditional-write before concluding nothing matches any more. */
const MAX_ATTEMPTS = 5;

/* ------------------------------------------------------------------ helpers */

class CloudbaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudbaseError';
  }
}

/** With `setThrowOnCode(false)` the SDK returns `{code, message}` instead of throwing: treat both alike. */
function checked(res: SdkResult): SdkResult {
  if (res && res.code)
    throw new CloudbaseError(String(res.code), `CloudBase ${String(res.code)}: ${String(res.message)}`);
  return res;
}

function numberField(res: SdkResult, key: 'total' | 'updated' | 'deleted'): number {
  const value = checked(res)[key];
  if (typeof value !== 'number') throw new Error(`unexpected CloudBase response: ${key} is ${typeof value}`);
  return value;
}

function listField(res: SdkResult): unknown[] {
  const data = checked(res).data;
  if (!Array.isArray(data)) throw new Error('unexpected CloudBase response: data is not a list');
  return data;
}

/**
 * Assumption (not verifiable offline): the server reports a duplicate `_id` as
 * MongoDB does, with "E11000 duplicate key" in the message. The fake server
 * in test/support mimics exactly that. Revisit after the first real deploy.
 */
function isDuplicateKey(error: unknown): boolean {
  const message = error instanceof Error ? error.message : (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /E11000|duplicate key/i.test(message);
}

/**
 * The SDK's serializer deletes `undefined` keys in place (filterUndefined), so
 * hand it copies of plain objects/arrays; Dates and RegExps stay as they are.
 * (No structuredClone: functions may run on Node 16.)
 */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as unknown as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out as T;
  }
  return value;
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

function isConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === CONFLICT || message.includes(CONFLICT);
}

function isIdOnly(filter: Filter): filter is { _id: string } {
  const keys = Object.keys(filter);
  return keys.length === 1 && keys[0] === '_id' && typeof filter._id === 'string';
}

/** The filter narrowed to one document, still carrying every original condition. */
function pinned(filter: Filter, id: string): Filter {
  return '_id' in filter ? { $and: [filter, { _id: id }] } : { ...filter, _id: id };
}

/**
 * Pages are separate queries: without a total order, ties could repeat or vanish between pages. A sort ends on
 * `_id` (as on the embedded store, `withIdTieBreak`); an unsorted read that may need several pages is sorted by `_id`.
 */
function withTieBreak(options: FindOptions): FindOptions {
  if (options.sort && Object.keys(options.sort).length > 0) return { ...options, sort: withIdTieBreak(options.sort) };
  const mayPage = options.limit === undefined || options.limit > PAGE_SIZE;
  return mayPage ? { ...options, sort: { _id: 1 } } : options;
}

/* ------------------------------------------------------------------ adapter */

class CloudbaseCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly name: string,
    /** A fresh SDK collection reference: the database's, or the transaction's. */
    private readonly source: (name: string) => SdkCollection,
    private readonly inTransaction: boolean,
  ) {}

  private raw(): SdkCollection {
    return this.source(this.name).options({ raw: true });
  }

  private single(): SdkCollection {
    return this.source(this.name).options({ raw: true, multiple: false });
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    checkFindOptions(options);
    options = withTieBreak(options);
    const out: T[] = [];
    for (let offset = options.skip ?? 0; ;) {
      const want = options.limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, options.limit - out.length);
      if (want <= 0) break;
      const page = listField(await this.page(filter, options, offset, want).get()) as T[];
      out.push(...page);
      offset += page.length;
      if (page.length < want) break;
    }
    return out;
  }

  private page(filter: Filter, options: FindOptions, offset: number, limit: number): SdkQuery {
    let query = this.raw().where(copy(filter));
    for (const [field, direction] of Object.entries(options.sort ?? {})) {
      query = query.orderBy(field, direction === -1 ? 'desc' : 'asc');
    }
    if (offset > 0) query = query.skip(offset);
    query = query.limit(limit);
    return options.projection ? query.field(options.projection) : query;
  }

  async findOne(filter: Filter): Promise<T | null> {
    const [doc] = await this.find(filter, { limit: 1 });
    return doc ?? null;
  }

  async get(id: string): Promise<T | null> {
    const data = checked(await this.raw().doc(id).get()).data;
    // Outside a transaction the SDK returns a list, inside it returns the document or null.
    const doc = Array.isArray(data) ? data[0] : data;
    return (doc ?? null) as T | null;
  }

  async count(filter: Filter): Promise<number> {
    if (this.inTransaction) checkInTransaction('count');
    return numberField(await this.raw().where(copy(filter)).count(), 'total');
  }

  async insert(doc: T): Promise<void> {
    try {
      checked(await this.raw().add(copy(doc) as unknown as Record<string, unknown>));
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateKeyError(this.name, doc._id);
      throw error;
    }
  }

  async updateOne(filter: Filter, update: Update): Promise<number> {
    checkUpdate(update);
    return this.writeOne(
      'updateOne',
      filter,
      async (id) => numberField(await this.raw().doc(id).update(copy(update)), 'updated'),
      async (f) => numberField(await this.single().where(copy(f)).update(copy(update)), 'updated'),
    );
  }

  async updateMany(filter: Filter, update: Update): Promise<number> {
    checkUpdate(update);
    if (this.inTransaction) checkInTransaction('updateMany');
    return numberField(await this.raw().where(copy(filter)).update(copy(update)), 'updated');
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.writeOne(
      'deleteOne',
      filter,
      async (id) => numberField(await this.raw().doc(id).remove(), 'deleted'),
      async (f) => numberField(await this.single().where(copy(f)).remove(), 'deleted'),
    );
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    checkPipeline(pipeline);
    if (this.inTransaction) checkInTransaction('aggregate');
    // The SDK silently drops a raw pipeline that is empty; ask for "everything" explicitly.
    const stages = pipeline.length ? copy(pipeline) : [{ $match: {} }];
    return listField(await this.raw().aggregate(stages).end()) as R[];
  }

  /**
   * One conditional single-document write. `{_id}` alone goes through
   * `doc(id)`; a string `_id` plus conditions is one conditional `where` write
   * (or, in a transaction, a transactional read then `doc(id)`); any other
   * filter is resolved to an `_id` first and re-checked by the write.
   */
  private async writeOne(
    op: 'updateOne' | 'deleteOne',
    filter: Filter,
    byId: (id: string) => Promise<number>,
    byFilter: (filter: Filter) => Promise<number>,
  ): Promise<number> {
    if (isIdOnly(filter)) return byId(filter._id);
    if (this.inTransaction) {
      checkInTransaction(op, filter);
      // The read joins the transaction, so a concurrent change to this document makes the commit conflict.
      const [hit] = await this.find(filter, { limit: 1, projection: { _id: 1 } });
      return hit ? Math.min(1, await byId(hit._id)) : 0;
    }
    if (hasStringId(filter)) return byFilter(filter);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [hit] = await this.find(filter, { limit: 1, projection: { _id: 1 } });
      if (!hit) return 0;
      const n = await byFilter(pinned(filter, hit._id));
      if (n > 0) return n;
      // Someone changed that document between our read and our write: look again.
    }
    return 0;
  }
}

class CloudbaseStore implements Store {
  constructor(
    private readonly db: SdkDb,
    private readonly source: (name: string) => SdkCollection,
    private readonly inTransaction: boolean,
  ) {}

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new CloudbaseCollection<T>(name, this.source, this.inTransaction);
  }

  /**
   * `db.runTransaction` commits when `fn` resolves and aborts when it throws.
   * On DATABASE_TRANSACTION_CONFLICT the SDK runs `fn` again (up to 3 times),
   * so `fn` must not have side effects outside the transactional store.
   */
  withTransaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    if (this.inTransaction) return Promise.reject(new Error('nested withTransaction is not supported'));
    return this.db
      .runTransaction((transaction) => fn(new CloudbaseStore(this.db, (name) => transaction.collection(name), true)))
      .catch((error: unknown) => {
        // The SDK's own retries are spent: say so in the port's terms, so the caller may run it again later.
        if (isConflict(error)) throw new TransactionConflictError(error instanceof Error ? error.message : undefined);
        throw error;
      });
  }

  /** CloudBase keeps no log of deleted versions the functions could rewrite: nothing to do. */
  async compact(): Promise<void> {}

  async close(): Promise<void> {
    // The SDK holds no resources that need closing; idle keep-alive sockets time out by themselves.
  }
}

export function createCloudbaseStore(app: CloudBase): Store {
  const db = app.database() as unknown as SdkDb;
  return new CloudbaseStore(db, (name) => db.collection(name), false);
}
