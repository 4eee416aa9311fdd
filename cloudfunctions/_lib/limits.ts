/**
 * Counted limits (one open objection per person and youth, five objections a
 * day, and the rate limits to come): a counter document per key, taken with
 * a conditional increment by `_id`. Inside the action's transaction that is
 * a transactional read and write of one document, so concurrent callers
 * cannot both take the last slot (never count-then-insert).
 */
import { C, type LimitDoc } from './collections';
import type { ServerDeps } from './deps';

/** Takes one of `limit` slots under `key`; false when none is left. */
export async function takeSlot(
  deps: ServerDeps,
  key: string,
  limit: number,
  p: { now: Date; expiresAt: Date | null },
): Promise<boolean> {
  const limits = deps.store.collection<LimitDoc>(C.limits);
  const doc = await limits.get(key);
  if (!doc) {
    // A concurrent first taker makes this insert fail; the transaction then runs again and reads its counter.
    await limits.insert({ _id: key, used: 1, updatedAt: p.now, expiresAt: p.expiresAt });
    return limit >= 1;
  }
  if (doc.used >= limit) return false;
  const taken = await limits.updateOne(
    { _id: key, used: { $lt: limit } },
    { $inc: { used: 1 }, $set: { updatedAt: p.now, expiresAt: p.expiresAt } },
  );
  return taken === 1;
}

/** Gives a slot back (the open objection was disposed of). */
export async function releaseSlot(deps: ServerDeps, key: string, now: Date): Promise<void> {
  await deps.store
    .collection<LimitDoc>(C.limits)
    .updateOne({ _id: key, used: { $gt: 0 } }, { $inc: { used: -1 }, $set: { updatedAt: now } });
}

/**
 * Writes the document under `key`, so that two transactions that read what the other writes (an approval reads
 * the filing, a filing reads the approvals) also write one document in common and cannot both commit. Snapshot
 * isolation, CloudBase's as MongoDB's, would otherwise let both through (write skew).
 */
export async function touch(deps: ServerDeps, key: string, now: Date): Promise<void> {
  const limits = deps.store.collection<LimitDoc>(C.limits);
  if (await limits.get(key)) {
    // `$inc` always changes the document: a write that changes nothing might not count as one.
    await limits.updateOne({ _id: key }, { $inc: { used: 1 }, $set: { updatedAt: now } });
  } else {
    await limits.insert({ _id: key, used: 1, updatedAt: now, expiresAt: null });
  }
}
