/**
 * The sender: drains the outbox into WeChat subscribe messages, spending one
 * grant of the grant ledger per message.
 *
 * State machine of an outbox entry (its in-app copy in `messages` exists from
 * the start whatever happens here):
 *
 *   pending ──claim (conditional on status, with a lease)──▶ claimed
 *   claimed ──no template id / no grant──▶ in_app_only
 *   claimed ──grant claimed (conditional on the grant being available), then send──▶
 *       sent (WeChat ok; grant used) | in_app_only (43101; grant void) |
 *       failed (40037, 47003, other errcodes; grant back to available — WeChat spent nothing)
 *   claimed, lease expired (the run crashed or timed out) ──next run──▶
 *       pending again if no grant names it (nothing can have been sent), else
 *       in_app_only 'unconfirmed' with the grant void.
 *
 * The WeChat message is at most once: a message is sent only by the run that
 * holds its claim and a grant naming it, and a claim whose outcome is unknown
 * is never sent again. The price is a rare lost push (a crash between the send
 * and its confirmation), never a duplicate; the message centre has the copy.
 * Overlapping timer runs cannot both claim one entry or one grant: every move
 * is a conditional single-document update. The lease outlasts the function's
 * timeout, so a live run always confirms before anyone may resolve its claims.
 */
import type { DeliveryState } from './collections';
import { C, type GrantDoc, type OutboxDoc } from './collections';
import type { ServerDeps } from './deps';

/** Longer than the `message` function's 60 s timeout (cloudbaserc.json). */
export const LEASE_MS = 120_000;
/** Entries per run: a run sends one by one and must finish within the timeout. */
export const DRAIN_BATCH = 50;

export interface DrainReport {
  run: string;
  sent: number;
  inAppOnly: number;
  failed: number;
  /** Expired claims resolved: put back to pending, or closed as unconfirmed. */
  recovered: number;
  /** Entries another run claimed first. */
  skipped: number;
}

type Done = Extract<DeliveryState, 'sent' | 'in_app_only' | 'failed'>;

export async function drainOutbox(deps: ServerDeps, now: Date = deps.clock()): Promise<DrainReport> {
  const run = deps.randomId(12);
  const report: DrainReport = { run, sent: 0, inAppOnly: 0, failed: 0, recovered: 0, skipped: 0 };
  report.recovered = await recoverExpired(deps, now);
  const outbox = deps.store.collection<OutboxDoc>(C.outbox);
  const due = await outbox.find(
    { status: 'pending' },
    { sort: { createdAt: 1 }, limit: DRAIN_BATCH, projection: { _id: 1 } },
  );
  for (const { _id } of due) {
    const outcome = await deliver(deps, run, _id, now);
    if (outcome === null) report.skipped += 1;
    else if (outcome === 'sent') report.sent += 1;
    else if (outcome === 'in_app_only') report.inAppOnly += 1;
    else report.failed += 1;
  }
  deps.log.info('drain', { ...report });
  return report;
}

/** One entry, start to end; null when another run holds it. */
async function deliver(deps: ServerDeps, run: string, id: string, now: Date): Promise<Done | null> {
  const outbox = deps.store.collection<OutboxDoc>(C.outbox);
  const leaseUntil = new Date(deps.clock().getTime() + LEASE_MS);
  const claimed = await outbox.updateOne(
    { _id: id, status: 'pending' },
    { $set: { status: 'claimed', claimedBy: run, leaseUntil } },
  );
  if (claimed === 0) return null;
  const entry = await outbox.get(id);
  if (!entry) return null;
  const finish = async (status: Done, reason: string | null, grantId: string | null = entry.grantId) => {
    await outbox.updateOne(
      { _id: id, status: 'claimed', claimedBy: run },
      { $set: { status, reason, grantId, doneAt: deps.clock(), leaseUntil: null } },
    );
    return status;
  };
  const templateId = deps.templates[entry.template];
  if (!templateId) return finish('in_app_only', 'no_template');
  const grant = await claimGrant(deps, entry, now);
  if (!grant) return finish('in_app_only', 'no_grant');
  await outbox.updateOne({ _id: id, status: 'claimed', claimedBy: run }, { $set: { grantId: grant._id } });
  const grants = deps.store.collection<GrantDoc>(C.grants);
  let answer;
  try {
    answer = await deps.wechat.send({ touser: entry.toOpenid, templateId, page: entry.page, data: entry.data });
  } catch (e) {
    // Unknown whether WeChat took it: at most once, so neither the message nor the grant is tried again.
    deps.log.info('send-unknown', { outbox: id, error: e instanceof Error ? e.name : 'non-error' });
    await grants.updateOne(
      { _id: grant._id, state: 'claimed' },
      { $set: { state: 'void', voidedAt: deps.clock(), voidReason: 'unconfirmed' } },
    );
    return finish('failed', 'unconfirmed', grant._id);
  }
  if (answer.ok) {
    await grants.updateOne({ _id: grant._id, state: 'claimed' }, { $set: { state: 'used', usedAt: deps.clock() } });
    return finish('sent', null, grant._id);
  }
  if (answer.errCode === 43101) {
    // Refused or used up in WeChat: this grant is worth nothing; the message stays in the app.
    await grants.updateOne(
      { _id: grant._id, state: 'claimed' },
      { $set: { state: 'void', voidedAt: deps.clock(), voidReason: '43101' } },
    );
    return finish('in_app_only', '43101', grant._id);
  }
  // WeChat refused the request itself (bad template id, data, page, openid): it spent nothing; the grant stays.
  await grants.updateOne({ _id: grant._id, state: 'claimed' }, { $set: { state: 'available', outboxId: null } });
  deps.log.info('send-refused', { outbox: id, errCode: answer.errCode });
  return finish('failed', String(answer.errCode), null);
}

/** The person's oldest available grant of the template, taken by a conditional update (one winner per grant). */
async function claimGrant(deps: ServerDeps, entry: OutboxDoc, now: Date): Promise<GrantDoc | null> {
  const grants = deps.store.collection<GrantDoc>(C.grants);
  const candidates = await grants.find(
    { openid: entry.toOpenid, template: entry.template, state: 'available' },
    { sort: { grantedAt: 1 }, limit: 5 },
  );
  for (const g of candidates) {
    const won = await grants.updateOne(
      { _id: g._id, state: 'available' },
      { $set: { state: 'claimed', outboxId: entry._id, usedAt: now } },
    );
    if (won === 1) return { ...g, state: 'claimed', outboxId: entry._id };
  }
  return null;
}

/** Claims whose lease ran out: their run crashed or timed out somewhere between claim and confirmation. */
async function recoverExpired(deps: ServerDeps, now: Date): Promise<number> {
  const outbox = deps.store.collection<OutboxDoc>(C.outbox);
  const grants = deps.store.collection<GrantDoc>(C.grants);
  const expired = await outbox.find(
    { status: 'claimed', leaseUntil: { $lt: now } },
    { sort: { leaseUntil: 1 }, limit: DRAIN_BATCH },
  );
  let recovered = 0;
  for (const e of expired) {
    const grant = await grants.findOne({ outboxId: e._id, state: 'claimed' });
    const stale = { _id: e._id, status: 'claimed' as const, claimedBy: e.claimedBy };
    if (!grant) {
      // No grant names it, so no send was made: it may go again.
      recovered += await outbox.updateOne(stale, { $set: { status: 'pending', claimedBy: null, leaseUntil: null } });
      continue;
    }
    // A grant was taken for it: the send may have happened. Never again (at most once); the copy is in the app.
    const closed = await outbox.updateOne(stale, {
      $set: { status: 'in_app_only', reason: 'unconfirmed', grantId: grant._id, doneAt: now, leaseUntil: null },
    });
    if (closed === 1) {
      await grants.updateOne(
        { _id: grant._id, state: 'claimed' },
        { $set: { state: 'void', voidedAt: now, voidReason: 'unconfirmed' } },
      );
    }
    recovered += closed;
  }
  return recovered;
}
