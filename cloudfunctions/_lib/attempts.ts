/**
 * Wrong-attempt limits for guessable secrets (invitation and claim codes,
 * issue 8 §11).
 *
 * A wrong attempt is a refusal, and a refused call's transaction rolls back,
 * so a counter written inside it would vanish. So an attempt takes its slots
 * first, in a small transaction of its own that commits whatever the action
 * then answers: the slots (one per user and clock hour, one per record) are
 * conditional increments of counter documents (`_lib/limits.ts`), so
 * concurrent attempts cannot share the last slot, and an attempt without a
 * slot is refused before the secret is compared at all. The action then runs
 * in its own transaction as usual:
 *
 * - success: the slots go back in the same transaction (a right code costs nothing);
 * - a refusal the guard counts as wrong (`wrong`): the slots stay taken;
 * - any other refusal or fault: the slots go back in another small transaction.
 *
 * When a limit is exhausted its `onExhausted` runs in the slot transaction
 * (the claim code of a record is voided there, so it must be reissued).
 */
import type { AppError, ErrorCode } from '../../miniprogram/core/errors';
import { C, type LimitDoc } from './collections';
import type { Actor } from './identity';
import type { ServerDeps } from './deps';
import { releaseSlot, takeSlot } from './limits';
import { transact } from './transaction';

export interface AttemptLimit {
  /** The counter's id in `limits`, e.g. `attempt:claim:user:<openid>:<hour>`. */
  key: string;
  limit: number;
  /** When the timer may delete the counter (`cron.purgeSpent`). */
  expiresAt: Date | null;
  /** Runs in the slot transaction when this limit refuses an attempt. */
  onExhausted?: (deps: ServerDeps, now: Date) => Promise<void>;
}

export interface AttemptGuard<C extends ErrorCode = ErrorCode> {
  /** The refusals that are wrong attempts (a code that matches nothing); any other outcome gives the slots back. */
  wrong: readonly C[];
  /** The answer once a limit is reached. */
  exceeded: AppError & { code: C };
  /** The limits one attempt counts against, in order; the first exhausted one stops the rest. */
  limits(input: never, ctx: { deps: ServerDeps; actor: Actor; now: Date }): Promise<AttemptLimit[]>;
}

/** The slots one attempt took, or null when a limit refused it (what it took before stays taken). */
export async function takeAttempts(deps: ServerDeps, limits: AttemptLimit[], now: Date): Promise<string[] | null> {
  return transact(deps.store, async (tx) => {
    const txDeps: ServerDeps = { ...deps, store: tx };
    const taken: string[] = [];
    for (const l of limits) {
      if (!(await takeSlot(txDeps, l.key, l.limit, { now, expiresAt: l.expiresAt }))) {
        await l.onExhausted?.(txDeps, now);
        return null;
      }
      taken.push(l.key);
    }
    return taken;
  });
}

/** Gives slots back (inside the action's transaction when it succeeded); a counter back at zero is removed. */
export async function giveBack(deps: ServerDeps, keys: string[], now: Date): Promise<void> {
  const limits = deps.store.collection<LimitDoc>(C.limits);
  for (const key of keys) {
    await releaseSlot(deps, key, now);
    await limits.deleteOne({ _id: key, used: 0 });
  }
}

export async function giveBackAlone(deps: ServerDeps, keys: string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await transact(deps.store, (tx) => giveBack({ ...deps, store: tx }, keys, now));
}

const HOUR_MS = 3_600_000;

/** The per-user slot of one clock hour: `attempt:<what>:user:<openid>:<hour>`, deletable two hours later. */
export function perUserPerHour(what: string, openid: string, now: Date, limit: number): AttemptLimit {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  return { key: `attempt:${what}:user:${openid}:${hour}`, limit, expiresAt: new Date((hour + 2) * HOUR_MS) };
}
