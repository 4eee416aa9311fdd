/**
 * Files an action puts in storage are outside the transaction: a call that does not commit must take its file back
 * (`ctx.onRollback`). These helpers run an action through its real router on a store that faults on cue, tracking
 * the files it leaves behind, and check that a fault at any of its writes leaves none while the retry leaves
 * exactly the files the store still records.
 */
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import type { FileStore } from '../../cloudfunctions/_lib/files';
import { ROUTERS } from '../../scripts/local/functions';
import { faultyStore, type Faults } from './faulty-store';

/** The files a call left in storage: put and not removed since. */
export function trackedFiles(inner: FileStore): { files: FileStore; live: Set<string> } {
  const live = new Set<string>();
  return {
    live,
    files: {
      ...inner,
      put: async (path, bytes, type) => {
        const put = await inner.put(path, bytes, type);
        live.add(put.fileId);
        return put;
      },
      remove: async (fileId) => {
        await inner.remove(fileId);
        live.delete(fileId);
      },
    },
  };
}

export interface FileCall {
  faults: Faults;
  /** Files put and not removed. */
  live: Set<string>;
  call(): Promise<unknown>;
}

/** `fn.action(data)` as `openid`, through the real router, on `deps` with a faulty store and tracked files. */
export function fileCall(
  deps: ServerDeps,
  fn: keyof typeof ROUTERS,
  action: string,
  data: unknown,
  openid: string,
): FileCall {
  const faults: Faults = { writes: 0, failAt: new Set() };
  const tracked = trackedFiles(deps.files);
  const faulty: ServerDeps = { ...deps, store: faultyStore(deps.store, faults), files: tracked.files };
  const event = { action, data, requestId: `req_${action.slice(0, 8)}_files01` };
  return { faults, live: tracked.live, call: () => ROUTERS[fn].handle(event, { openid }, faulty) };
}

/**
 * For each write of the call (counted on a first clean run): a fresh world, a fault at that write → the call fails
 * and no file is left; the retry succeeds and the files left are exactly those `kept` reads from the store.
 */
export async function expectFilesOnlyAfterCommit(
  arrange: () => Promise<{ run: FileCall; kept: () => Promise<string[]> }>,
  minWrites = 2,
): Promise<void> {
  const probe = await arrange();
  expect(await probe.run.call()).toEqual(expect.objectContaining({ ok: true }));
  const writes = probe.run.faults.writes;
  expect(writes).toBeGreaterThanOrEqual(minWrites);
  for (let k = 1; k <= writes; k += 1) {
    const { run, kept } = await arrange();
    run.faults.failAt = new Set([k]);
    expect({ k, failed: await run.call() }).toEqual({
      k,
      failed: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'SYS.INTERNAL' }) }),
    });
    expect({ k, left: [...run.live] }).toEqual({ k, left: [] });
    run.faults.failAt = new Set();
    expect(await run.call()).toEqual(expect.objectContaining({ ok: true }));
    expect({ k, left: [...run.live].sort() }).toEqual({ k, left: (await kept()).sort() });
  }
}
