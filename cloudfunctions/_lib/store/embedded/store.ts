/**
 * The store port over the embedded engine: what callers see. The engine ties
 * the other modules together and owns the single write path (log first, then
 * memory, then the undo log); the collection facade turns port calls into
 * index-narrowed mingo queries and engine writes. Its transactional view
 * refuses what CloudBase would run outside the transaction
 * (`checkInTransaction`), so code that works on a laptop cannot break on the cloud.
 */
import { Aggregator, Query } from 'mingo';
import {
  checkFindOptions,
  checkInTransaction,
  checkPipeline,
  checkUpdate,
  DuplicateKeyError,
  isPlainObject,
  type Collection,
  type Doc,
  type Filter,
  type FindOptions,
  type Store,
  type Update,
  withIdTieBreak,
} from '../port';
import { CollectionState } from './indexes';
import { isCollectionName, Journal } from './log';
import { applyUpdate, clone, project, sortRows, type Change, type Row } from './rows';
import { recordUndo, Transactions, type TxContext } from './transactions';

export interface EmbeddedStoreOptions {
  /** Directory for the per-collection logs; omit for a purely in-memory store. */
  dir?: string;
  /** Collection name → top-level fields to keep secondary indexes on. */
  indexes?: Record<string, string[]>;
}

type Criteria = ConstructorParameters<typeof Query>[0];

class Engine {
  private readonly states = new Map<string, CollectionState>();
  private readonly journal: Journal | undefined;
  readonly transactions = new Transactions(
    (state, changes, tx) => this.commitChanges(state, changes, tx),
    (tx) => this.journal?.commit(tx.id),
  );
  private closed = false;

  constructor(
    dir: string | undefined,
    private readonly indexes: Record<string, string[]>,
  ) {
    if (dir) this.journal = Journal.open(dir, (name) => this.state(name));
  }

  state(name: string): CollectionState {
    let state = this.states.get(name);
    if (!state) {
      if (!isCollectionName(name)) throw new Error(`invalid collection name "${name}"`);
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
    this.journal?.append(state.name, changes, tx?.id);
    for (const c of changes) {
      if (c.after) state.set(c.after);
      else state.delete(c.id);
    }
    if (tx) recordUndo(tx, state, changes);
  }

  async transaction<R>(fn: (tx: Store) => Promise<R>): Promise<R> {
    this.assertOpen();
    return this.transactions.run((tx) => fn(new EmbeddedStore(this, tx)));
  }

  /** Rewrites the logs from the live documents, alone: transactions and writes queue behind it. */
  compact(): Promise<void> {
    this.assertOpen();
    return this.transactions.exclusive(() => {
      this.journal?.compact([...this.states.values()].map((s) => ({ name: s.name, rows: s.all() })));
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.journal?.close();
  }
}

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
    return this.tx ? new Promise((resolve) => resolve(run())) : this.engine.transactions.shared(run);
  }

  private write<R>(fn: (tx: TxContext | undefined) => R): Promise<R> {
    const tx = this.tx;
    if (!tx) return this.engine.transactions.exclusive(() => fn(undefined));
    return new Promise((resolve) => {
      if (!tx.open) throw new Error('this transaction has already finished');
      resolve(fn(tx));
    });
  }

  /** Same rule and message as the CloudBase adapter, so a transaction that runs here also runs there. */
  private checkTransactional(op: keyof Collection, filter?: Filter): void {
    if (this.tx) checkInTransaction(op, filter);
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
        const sort = withIdTieBreak(options.sort) ?? options.sort;
        rows = sortRows(this.state.candidates(filter).filter(this.matches(filter)), sort);
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
      const doc = this.state.get(id);
      return doc ? (clone(doc) as unknown as T) : null;
    });
  }

  count(filter: Filter): Promise<number> {
    return this.read(() => {
      this.checkTransactional('count');
      return this.state.indexedCount(filter) ?? this.state.candidates(filter).filter(this.matches(filter)).length;
    });
  }

  insert(doc: T): Promise<void> {
    return this.write((tx) => {
      const row = clone(doc) as unknown as Row;
      if (!isPlainObject(row) || typeof row._id !== 'string' || row._id === '') {
        throw new Error(`insert into ${this.state.name}: _id must be a non-empty string`);
      }
      if (this.state.get(row._id)) throw new DuplicateKeyError(this.state.name, row._id);
      this.engine.commitChanges(this.state, [{ id: row._id, before: undefined, after: row }], tx);
    });
  }

  updateOne(filter: Filter, update: Update): Promise<number> {
    return this.write((tx) => {
      checkUpdate(update);
      this.checkTransactional('updateOne', filter);
      const doc = this.state.first(filter, this.matches(filter));
      const after = doc && applyUpdate(doc, update);
      if (!doc || !after) return 0; // matched but unchanged counts as 0, as on CloudBase
      this.engine.commitChanges(this.state, [{ id: doc._id, before: doc, after }], tx);
      return 1;
    });
  }

  updateMany(filter: Filter, update: Update): Promise<number> {
    return this.write((tx) => {
      checkUpdate(update);
      this.checkTransactional('updateMany');
      const docs = this.state.candidates(filter).filter(this.matches(filter));
      // Compute every new version before writing anything, so a failing operator changes nothing.
      const changes = docs.flatMap((doc) => {
        const after = applyUpdate(doc, update);
        return after ? [{ id: doc._id, before: doc, after }] : [];
      });
      this.engine.commitChanges(this.state, changes, tx);
      return changes.length; // modified, not matched, as on CloudBase
    });
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.write((tx) => {
      this.checkTransactional('deleteOne', filter);
      const doc = this.state.first(filter, this.matches(filter));
      if (!doc) return 0;
      this.engine.commitChanges(this.state, [{ id: doc._id, before: doc, after: undefined }], tx);
      return 1;
    });
  }

  aggregate<R = Record<string, unknown>>(pipeline: Record<string, unknown>[]): Promise<R[]> {
    return this.read(() => {
      checkPipeline(pipeline);
      this.checkTransactional('aggregate');
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

  compact(): Promise<void> {
    if (this.tx) return Promise.reject(new Error('compact cannot run inside a transaction'));
    return this.engine.compact();
  }

  async close(): Promise<void> {
    // The transactional view shares the engine: closing it would close the whole store.
    if (!this.tx) this.engine.close();
  }
}

export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): Store {
  return new EmbeddedStore(new Engine(options.dir, options.indexes ?? {}));
}
