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
  /** Applies `update` to the first document matching `filter`; resolves how many matched (0 or 1). */
  updateOne(filter: Filter, update: Update): Promise<number>;
  /** Applies `update` to every matching document; resolves how many matched. */
  updateMany(filter: Filter, update: Update): Promise<number>;
  /** Removes the first matching document; resolves how many were removed (0 or 1). */
  deleteOne(filter: Filter): Promise<number>;
  /** Supported stages: $match, $group, $sort, $skip, $limit, $project, $count. */
  aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]>;
}

export interface Store {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * Runs `fn` with a transactional view. Inside it, only `get`, `insert`,
   * `updateOne({_id})`/`deleteOne({_id})` by id and `find` are transactional on
   * CloudBase (see research/backend-toolchain.md §7); keep multi-document
   * writes to those. Throwing inside `fn` rolls every write back.
   */
  withTransaction<R>(fn: (tx: Store) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate _id in ${collection}`);
    this.name = 'DuplicateKeyError';
  }
}
