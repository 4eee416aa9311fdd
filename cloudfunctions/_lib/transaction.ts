/**
 * Every write action runs in one transaction (DESIGN "Growing by area"):
 * the action's documents, its audit entries and its outbox entries commit
 * together or not at all.
 *
 * A transaction that lost a race (CloudBase reports a conflict once its own
 * three retries are spent; an insert found the `_id` taken by a concurrent
 * writer) is run again from the start, after a short random pause so that
 * a crowd of contenders spreads out. The function must therefore have no side
 * effects outside the transactional store it is given.
 */
import { DuplicateKeyError, TransactionConflictError, type Store } from './store/port';

const MAX_ATTEMPTS = 8;
const BASE_PAUSE_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lostRace(error: unknown): boolean {
  return error instanceof TransactionConflictError || error instanceof DuplicateKeyError;
}

export async function transact<R>(store: Store, fn: (tx: Store) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.withTransaction(fn);
    } catch (error) {
      if (!lostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      // Full jitter over a doubling window: 0–10 ms, 0–20 ms, … 0–1.3 s.
      await sleep(Math.random() * BASE_PAUSE_MS * 2 ** attempt);
    }
  }
}
