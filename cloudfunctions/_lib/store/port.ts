/**
 * The store port: the only way functions touch data. Mongo-style filters and
 * update operators, so the same objects go to the embedded adapter (mingo)
 * and to CloudBase (node-sdk in raw mode).
 */

export type Filter = Record<string, unknown>;
export type Update = Record<string, unknown>; // operator form only: { $set, $inc, $push, $unset }
export type SortSpec = Record<string, 1 | -1>;

export interface Doc {
  _id: string;
}

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

export interface Collection<T extends Doc = Doc> {
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter): Promise<T | null>;
  get(id: string): Promise<T | null>;
  count(filter: Filter): Promise<number>;
  /** Inserts one document; rejects with DuplicateKeyError when `_id` exists. */
  insert(doc: T): Promise<void>;
  /**
   * Applies `update` to the first document matching `filter`; resolves how many it *modified* (0 or 1), as
   * CloudBase reports it: a match the update leaves unchanged (`$set` to the current value) resolves 0 on both
   * adapters. When the answer decides control flow, make the update always change something (a counter, a time).
   */
  updateOne(filter: Filter, update: Update): Promise<number>;
  /** Applies `update` to every matching document; resolves how many it modified (see `updateOne`). */
  updateMany(filter: Filter, update: Update): Promise<number>;
  /** Removes the first matching document; resolves how many were removed (0 or 1). */
  deleteOne(filter: Filter): Promise<number>;
  /** Supported stages: $match, $group, $sort, $skip, $limit, $project, $count. */
  aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]>;
}

export interface Store {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * Runs `fn` with a transactional view. Throwing inside `fn` rolls every
   * write back. The view offers only what CloudBase runs inside a transaction
   * (see `checkInTransaction`); every adapter refuses the rest.
   */
  withTransaction<R>(fn: (tx: Store) => Promise<R>): Promise<R>;
  /**
   * Makes deletions physical where the adapter keeps history of its own: the embedded store rewrites its
   * append-only logs from the live documents, so deleted and overwritten versions (erased personal data) and
   * the lines of rolled-back transactions are gone from disk. CloudBase keeps no such history (a no-op).
   * Not inside a transaction.
   */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Update operators both adapters accept (all exist in mingo and in CloudBase's
 * raw mode). Anything else is rejected up front, so code that works on a
 * laptop cannot fail later on the cloud with an unknown operator.
 */
export const UPDATE_OPERATORS: readonly string[] = [
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$rename',
];

/** Aggregation stages both adapters accept (see `Collection.aggregate`). */
export const PIPELINE_STAGES: readonly string[] = [
  '$match',
  '$group',
  '$sort',
  '$skip',
  '$limit',
  '$project',
  '$count',
];

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate _id in ${collection}`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * Someone else changed a document this transaction touched: the transaction
 * was rolled back and may be run again from the start (it reads afresh).
 */
export class TransactionConflictError extends Error {
  constructor(message = 'transaction conflict') {
    super(message);
    this.name = 'TransactionConflictError';
  }
}

/** An object literal as the adapters see filters, updates and stored documents (not an array, not a Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Throws unless `update` is operator form using only `UPDATE_OPERATORS` (shared by both adapters). */
export function checkUpdate(update: Update): void {
  const ops = isPlainObject(update) ? Object.keys(update) : [];
  if (ops.length === 0) throw new Error('update must be a non-empty object of update operators');
  for (const op of ops) {
    if (!UPDATE_OPERATORS.includes(op)) {
      throw new Error(
        op.startsWith('$')
          ? `unsupported update operator ${op}`
          : `update must use operators ($set, $inc, ...), not a replacement document (found field "${op}")`,
      );
    }
    if (!isPlainObject(update[op])) throw new Error(`${op} takes an object of field paths`);
  }
}

/** Throws unless every stage is a one-key object naming one of `PIPELINE_STAGES`. */
export function checkPipeline(pipeline: Record<string, unknown>[]): void {
  if (!Array.isArray(pipeline)) throw new Error('pipeline must be an array of stages');
  for (const stage of pipeline) {
    const keys = isPlainObject(stage) ? Object.keys(stage) : [];
    if (keys.length !== 1) throw new Error('each pipeline stage must be an object with exactly one key');
    if (!PIPELINE_STAGES.includes(keys[0])) throw new Error(`unsupported pipeline stage ${keys[0]}`);
  }
}

/** Throws on a negative or fractional skip/limit. `limit: 0` means "no documents", not "no limit". */
export function checkFindOptions(options: FindOptions): void {
  for (const key of ['skip', 'limit'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new Error(`${key} must be a non-negative integer`);
    }
  }
}

/**
 * A sort completed with `_id` ascending as its last key (unless it names `_id`): documents that tie on the sort keys
 * come in one fixed order, so pages of the same query, which are separate reads, neither overlap nor skip. Both
 * adapters sort this way.
 */
export function withIdTieBreak(sort: SortSpec | undefined): SortSpec | undefined {
  if (!sort || Object.keys(sort).length === 0 || '_id' in sort) return sort;
  return { ...sort, _id: 1 };
}

/** True when the filter names its document by a string `_id` (possibly with further conditions). */
export function hasStringId(filter: Filter): filter is Filter & { _id: string } {
  return typeof filter._id === 'string';
}

/**
 * Operations the transactional view refuses. On CloudBase only `doc(id)`
 * get/update/set/remove, `add` and `where().get()` carry the transaction id
 * (research/backend-toolchain.md §7): a count, a multi-document write or an
 * aggregation would run outside the transaction and never be rolled back, and
 * a single-document write can only go through `doc(id)` once its `_id` is
 * known. The embedded store refuses the same, so what works on a laptop
 * cannot break on the cloud.
 */
const NEVER_IN_TRANSACTION: ReadonlyArray<keyof Collection> = ['count', 'updateMany', 'aggregate'];
const BY_ID_IN_TRANSACTION: ReadonlyArray<keyof Collection> = ['updateOne', 'deleteOne'];

function notInTransaction(what: string): Error {
  return new Error(
    `${what} cannot run inside a CloudBase transaction: the SDK sends it without the transaction id, ` +
      'so it would not be rolled back. Inside withTransaction use get/find/findOne/insert and updateOne/deleteOne ' +
      'with a string _id in the filter; do other work before or after the transaction.',
  );
}

/** Throws unless `op` (with `filter`, for single-document writes) may run in the transactional view. */
export function checkInTransaction(op: keyof Collection, filter: Filter = {}): void {
  if (NEVER_IN_TRANSACTION.includes(op)) throw notInTransaction(op);
  if (BY_ID_IN_TRANSACTION.includes(op) && !hasStringId(filter)) {
    throw notInTransaction(`${op} without a string _id in the filter`);
  }
}
