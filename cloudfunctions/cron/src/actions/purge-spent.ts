import type { cronContract } from '../../../../miniprogram/core/contracts/cron';
import { ok } from '../../../../miniprogram/core/result';
import {
  C,
  type GrantDoc,
  type LimitDoc,
  type MessageDoc,
  type OutboxDoc,
  type RequestDoc,
} from '../../../_lib/collections';
import type { PublicHandler } from '../../../_lib/router';
import type { Store } from '../../../_lib/store/port';

const BATCH = 100;
/** A client retries within seconds or minutes; a day later its request id is spent. */
const REQUEST_KEEP_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A delivered (or given-up) message's delivery record answers "was it sent?" for a month, then goes. */
const DELIVERY_KEEP_MS = 30 * DAY_MS;
/** A used or void subscription grant is kept a month for the same question. */
const GRANT_KEEP_MS = 30 * DAY_MS;
/** The message centre keeps a year of messages. */
const MESSAGE_KEEP_MS = 365 * DAY_MS;
const DONE: OutboxDoc['status'][] = ['sent', 'in_app_only', 'failed'];
const SPENT: GrantDoc['state'][] = ['used', 'void'];

/**
 * Idempotency markers and limit counters that no longer guard anything: a
 * request recorded more than a day ago, a counter past its expiry. Each
 * delete is conditional on what made it due, so a marker taken over or a
 * counter renewed meanwhile stays. Timers may overlap: deleting twice is harmless.
 * Then what the notifications leave behind (they name people): delivery records a month after delivery,
 * spent grants a month after they were given, messages in the message centre after a year.
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
  removed += await purgeNotifications(ctx.deps.store, ctx.now);
  ctx.audit({ target: null, details: { removed } });
  return ok({ removed });
};

async function purgeNotifications(store: Store, now: Date): Promise<number> {
  const delivered = { status: { $in: DONE }, doneAt: { $lt: new Date(now.getTime() - DELIVERY_KEEP_MS) } };
  const spent = { state: { $in: SPENT }, grantedAt: { $lt: new Date(now.getTime() - GRANT_KEEP_MS) } };
  const old = { createdAt: { $lt: new Date(now.getTime() - MESSAGE_KEEP_MS) } };
  const outbox = store.collection<OutboxDoc>(C.outbox);
  const grants = store.collection<GrantDoc>(C.grants);
  const messages = store.collection<MessageDoc>(C.messages);
  const ids = { projection: { _id: 1 }, limit: BATCH } as const;
  const [o, g, m] = await Promise.all([outbox.find(delivered, ids), grants.find(spent, ids), messages.find(old, ids)]);
  let removed = 0;
  for (const d of o) removed += await outbox.deleteOne({ _id: d._id, ...delivered });
  for (const d of g) removed += await grants.deleteOne({ _id: d._id, ...spent });
  for (const d of m) removed += await messages.deleteOne({ _id: d._id, ...old });
  return removed;
}
