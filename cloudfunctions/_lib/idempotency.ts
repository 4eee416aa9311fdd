/**
 * Idempotent writes: the client sends a request id with every write; a retry
 * or a double tap with the same id replays the first outcome instead of
 * running the action again.
 *
 * - A `pending` marker with a unique `_id` and an owner token serialises
 *   concurrent duplicates: the second caller waits for the first.
 * - The action's transaction turns the marker `done` (with the response,
 *   encrypted: it may hold a claim code or a revealed number) as its last
 *   write, conditional on still owning it, so "committed" and "marked done"
 *   are one fact: no outcome is recorded twice or lost.
 * - A rejected or failed attempt removes its marker, so it may be retried.
 * - A marker left by a crashed attempt expires after `MARKER_TTL_MS`; the next
 *   retry takes it over instead of waiting out the function. Should the
 *   crashed attempt still be alive, its commit no longer owns the marker and
 *   rolls back.
 */
import type { Envelope } from '../../miniprogram/core/contracts/define';
import { appError } from '../../miniprogram/core/errors';
import { C, type RequestDoc } from './collections';
import type { ServerDeps } from './deps';
import { DuplicateKeyError, type Store } from './store/port';

/** Long enough for any honest attempt to commit, short enough that a retry soon runs. */
export const MARKER_TTL_MS = 20_000;
const POLL_MS = 25;
/** How long a duplicate waits for the first attempt in real time before giving up (the client retries). */
const MAX_WAIT_MS = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Written by the action's transaction as its last write; false when another attempt took the marker over. */
export type MarkDone = (tx: Store, response: Envelope<unknown>, subjects: string[]) => Promise<boolean>;

/** The owner of the marker lost it to a newer attempt: roll back and replay the winner's outcome. */
export class Superseded extends Error {
  constructor() {
    super('idempotency marker taken over by a newer attempt');
    this.name = 'Superseded';
  }
}

type Claim = { kind: 'run'; owner: string } | { kind: 'replay'; response: Envelope<unknown> } | { kind: 'reused' };

export interface RequestKey {
  key: string;
  bodyHash: string;
  requestId: string;
}

/** One try at the marker: ours (inserted or taken over from a crashed attempt), a finished outcome, or wait. */
async function tryClaim(deps: ServerDeps, { key, bodyHash }: RequestKey): Promise<Claim | 'wait' | 'again'> {
  const requests = deps.store.collection<RequestDoc>(C.requests);
  const owner = deps.randomId(12);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + MARKER_TTL_MS);
  try {
    await requests.insert({
      _id: key,
      state: 'pending',
      owner,
      bodyHash,
      createdAt: now,
      expiresAt,
      responseEnc: null,
    });
    return { kind: 'run', owner };
  } catch (e) {
    if (!(e instanceof DuplicateKeyError)) throw e;
  }
  const doc = await requests.get(key);
  if (!doc) return 'again'; // the other attempt failed and removed its marker meanwhile
  if (doc.bodyHash !== bodyHash) return { kind: 'reused' };
  if (doc.state === 'done' && doc.responseEnc) {
    return { kind: 'replay', response: JSON.parse(deps.crypto.decrypt(doc.responseEnc)) as Envelope<unknown> };
  }
  if (doc.expiresAt.getTime() > now.getTime()) return 'wait';
  // A crashed attempt's marker: take it over, conditional on nobody else having done so.
  const taken = await requests.updateOne(
    { _id: key, state: 'pending', owner: doc.owner },
    { $set: { owner, createdAt: now, expiresAt } },
  );
  return taken === 1 ? { kind: 'run', owner } : 'again';
}

async function claim(deps: ServerDeps, request: RequestKey): Promise<Claim> {
  const started = Date.now();
  for (;;) {
    const step = await tryClaim(deps, request);
    if (step === 'again') continue;
    if (step !== 'wait') return step;
    if (Date.now() - started > MAX_WAIT_MS) throw new Error('idempotent request still pending');
    await sleep(POLL_MS);
  }
}

export async function once(
  deps: ServerDeps,
  request: RequestKey,
  run: (markDone: MarkDone) => Promise<Envelope<unknown>>,
): Promise<Envelope<unknown>> {
  const { key } = request;
  for (;;) {
    const claimed = await claim(deps, request);
    if (claimed.kind === 'replay') return claimed.response;
    if (claimed.kind === 'reused') {
      const error = appError('REQUEST.ID_REUSED', 'request id already used for another request');
      return { ok: false, error, requestId: request.requestId };
    }
    const { owner } = claimed;
    // The outcome names its subjects, so the erasure of a record also removes the outcomes that describe it.
    const markDone: MarkDone = async (tx, response, subjects) =>
      (await tx
        .collection<RequestDoc>(C.requests)
        .updateOne(
          { _id: key, state: 'pending', owner },
          { $set: { state: 'done', responseEnc: deps.crypto.encrypt(JSON.stringify(response)), subjects } },
        )) === 1;
    let outcome: Envelope<unknown> | undefined;
    try {
      outcome = await run(markDone);
      return outcome;
    } catch (e) {
      if (e instanceof Superseded) continue; // the newer attempt's outcome is replayed
      throw e;
    } finally {
      if (!outcome?.ok) await deps.store.collection<RequestDoc>(C.requests).deleteOne({ _id: key, owner });
    }
  }
}
