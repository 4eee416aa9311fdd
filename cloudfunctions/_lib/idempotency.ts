/**
 * Idempotent writes: the client sends a request id with every write; a retry
 * or a double tap with the same id replays the first outcome instead of
 * running the action again. A `pending` marker taken with a unique `_id`
 * serialises concurrent duplicates; failures remove the marker, so a rejected
 * call leaves nothing behind and may be retried.
 */
import type { Envelope } from '../../miniprogram/core/contracts/define';
import { C, type RequestDoc } from './collections';
import type { ServerDeps } from './deps';
import { DuplicateKeyError } from './store/port';

const POLL_MS = 25;
const MAX_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function replay(deps: ServerDeps, key: string): Promise<Envelope<unknown> | null> {
  const requests = deps.store.collection<RequestDoc>(C.requests);
  for (let waited = 0; waited <= MAX_WAIT_MS; waited += POLL_MS) {
    const doc = await requests.get(key);
    if (!doc) return null; // the first attempt failed and was rolled back: run again
    if (doc.state === 'done' && doc.response) return doc.response;
    await sleep(POLL_MS);
  }
  throw new Error('idempotent request still pending');
}

export async function once(
  deps: ServerDeps,
  key: string,
  now: Date,
  run: () => Promise<Envelope<unknown>>,
): Promise<Envelope<unknown>> {
  const requests = deps.store.collection<RequestDoc>(C.requests);
  for (;;) {
    try {
      await requests.insert({ _id: key, state: 'pending', createdAt: now, response: null });
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e;
      const previous = await replay(deps, key);
      if (previous) return previous;
      continue;
    }
    let outcome: Envelope<unknown> | undefined;
    try {
      outcome = await run();
      return outcome;
    } finally {
      if (outcome?.ok) await requests.updateOne({ _id: key }, { $set: { state: 'done', response: outcome } });
      else await requests.deleteOne({ _id: key });
    }
  }
}
