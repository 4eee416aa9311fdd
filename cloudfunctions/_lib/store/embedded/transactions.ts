/**
 * Isolation and atomicity for the embedded store. Every write runs
 * synchronously between awaits, so single-document conditional updates are
 * atomic without locks; a transaction, which spans awaits, holds a mutex that
 * outside reads and writes queue behind (nobody sees uncommitted data), keeps
 * an undo log to roll back, and ends with a commit record that makes its
 * tagged log lines count on replay. The transaction's async context (not an
 * argument threaded through every call) is how the engine tells its own
 * reads from outsiders' and catches a write through the outer store.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CollectionState } from './indexes';
import type { Change, Row } from './rows';

export interface TxContext {
  id: string;
  open: boolean;
  undo: Array<{ state: CollectionState; id: string; before: Row | undefined }>;
}

/** Applies changes durably, in the transaction when one is given: the engine's single write path. */
type Apply = (state: CollectionState, changes: Change[], tx: TxContext | undefined) => void;

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

/** Records the before-images of changes just applied in `tx`, for `rollback`. */
export function recordUndo(tx: TxContext, state: CollectionState, changes: Change[]): void {
  for (const c of changes) tx.undo.push({ state, id: c.id, before: c.before });
}

export class Transactions {
  private readonly mutex = new Mutex();
  private readonly context = new AsyncLocalStorage<TxContext>();

  constructor(
    private readonly apply: Apply,
    /** Makes a transaction's tagged log lines count on replay; called only for transactions that wrote. */
    private readonly commitRecord: (tx: TxContext) => void,
  ) {}

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

  /** Runs `fn` alone: commits when it resolves, undoes every change it made when it throws. */
  async run<R>(fn: (tx: TxContext) => Promise<R>): Promise<R> {
    if (this.context.getStore()?.open) throw new Error('nested withTransaction is not supported');
    await this.mutex.acquire();
    const tx: TxContext = { id: randomUUID(), open: true, undo: [] };
    try {
      let result: R;
      try {
        result = await this.context.run(tx, () => fn(tx));
        tx.open = false;
        if (tx.undo.length > 0) this.commitRecord(tx);
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
      for (const [state, changes] of byState) this.apply(state, changes, undefined);
    } catch (error) {
      throw new Error(`rolling back a transaction failed (${String(error)}) after: ${String(cause)}`);
    }
  }
}
