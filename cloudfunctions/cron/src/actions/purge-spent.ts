import type { cronContract } from '../../../../miniprogram/core/contracts/cron';
import { ok } from '../../../../miniprogram/core/result';
import { C, type LimitDoc, type RequestDoc } from '../../../_lib/collections';
import type { PublicHandler } from '../../../_lib/router';

const BATCH = 100;
/** A client retries within seconds or minutes; a day later its request id is spent. */
const REQUEST_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Idempotency markers and limit counters that no longer guard anything: a
 * request recorded more than a day ago, a counter past its expiry. Each
 * delete is conditional on what made it due, so a marker taken over or a
 * counter renewed meanwhile stays. Timers may overlap: deleting twice is harmless.
 */
export const purgeSpent: PublicHandler<typeof cronContract.actions.purgeSpent> = async (_input, ctx) => {
  const before = new Date(ctx.now.getTime() - REQUEST_KEEP_MS);
  const requests = ctx.deps.store.collection<RequestDoc>(C.requests);
  const limits = ctx.deps.store.collection<LimitDoc>(C.limits);
  const [oldRequests, spentLimits] = await Promise.all([
    requests.find({ createdAt: { $lt: before } }, { projection: { _id: 1 }, limit: BATCH }),
    limits.find({ expiresAt: { $lt: ctx.now } }, { projection: { _id: 1 }, limit: BATCH }),
  ]);
  let removed = 0;
  for (const r of oldRequests) removed += await requests.deleteOne({ _id: r._id, createdAt: { $lt: before } });
  for (const l of spentLimits) removed += await limits.deleteOne({ _id: l._id, expiresAt: { $lt: ctx.now } });
  ctx.audit({ target: null, details: { removed } });
  return ok({ removed });
};
