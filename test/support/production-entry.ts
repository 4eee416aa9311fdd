/**
 * A production entry (`cloudfunctions/<fn>/src/index.ts`) as the SCF runtime would run it: the fake CloudBase
 * endpoint seeded with the demo data, the environment the runtime provides (URL, credentials) and our keys, then the
 * entry loaded. Shared by the `index.test.ts` of each function.
 */
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { TEST_KEYS } from '../../scripts/local/deps';
import { seedDemo } from '../../scripts/local/seed';
import { startFakeTcbServer, type FakeTcbServer } from './fake-tcb-server';
import { cloudbaseDeps } from './cloudbase-deps';

export type Main = (
  event: unknown,
  context: unknown,
) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

export interface ProductionEntry {
  fake: FakeTcbServer;
  main: Main;
  /** Restores the environment and stops the endpoint. */
  close(): Promise<void>;
}

export async function productionEntry(
  load: () => Promise<{ main: unknown }>,
  /** More data than the demo seed, written through the same SDK before the entry loads. */
  prepare?: (deps: ServerDeps) => Promise<void>,
): Promise<ProductionEntry> {
  const saved = { ...process.env };
  const fake = await startFakeTcbServer();
  const deps: ServerDeps = cloudbaseDeps(fake, () => new Date());
  await seedDemo(deps, new Date());
  await prepare?.(deps);
  // What the SCF runtime provides: the environment's URL and credentials, our keys from the console.
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: fake.url }),
    TCB_ENV: fake.env,
    SCF_NAMESPACE: fake.env,
    TENCENTCLOUD_SECRETID: fake.secretId,
    TENCENTCLOUD_SECRETKEY: fake.secretKey,
    HQN_DATA_KEY: TEST_KEYS.dataKey,
    HQN_HASH_KEY: TEST_KEYS.hashKey,
  });
  const main = (await load()).main as Main;
  return {
    fake,
    main,
    close: async () => {
      process.env = saved;
      await fake.close();
    },
  };
}

/** The platform context of a call from a phone (or, without an OPENID, from nobody). */
export const contextFor = (openid?: string) => ({
  environ: openid ? `WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=${openid}` : '',
});
