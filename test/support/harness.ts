/** Action-test harness: the real routers against the embedded store in memory, a fixed clock, demo data. */
import { C } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { createConsoleLogger } from '../../cloudfunctions/_lib/logger';
import { createLocalDeps } from '../../scripts/local/deps';
import { captureLine } from './log-capture';
import { FUNCTIONS } from '../../scripts/local/functions';
import { seedDemo } from '../../scripts/local/seed';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../miniprogram/core/profile';
import type { Envelope } from '../../miniprogram/core/contracts/define';

/** A fixed "today" inside the demo period's nomination window (China time). */
export const NOW = new Date('2026-11-24T10:00:00+08:00');

export interface Harness {
  deps: ServerDeps;
  logs: string[];
  setNow(now: Date): void;
  call(
    fn: string,
    action: string,
    data?: unknown,
    openid?: string | null,
    requestId?: string,
  ): Promise<Envelope<unknown>>;
  /** Records the current personal-information consent for `openid` (PIPL art. 29). */
  consent(openid: string): Promise<void>;
  /** Document counts of every collection, to prove a rejected call wrote nothing. */
  snapshot(): Promise<Record<string, number>>;
}

export async function makeHarness(
  options: { seed?: boolean; now?: Date; bootstrapCityAdmins?: string[]; filesDir?: string } = {},
): Promise<Harness> {
  let now = options.now ?? NOW;
  const logs: string[] = [];
  const deps = createLocalDeps({
    clock: () => now,
    log: createConsoleLogger((line) => {
      logs.push(line);
      captureLine(line);
    }),
    bootstrapCityAdmins: options.bootstrapCityAdmins,
    filesDir: options.filesDir,
  });
  if (options.seed !== false) await seedDemo(deps, now);
  return {
    deps,
    logs,
    setNow: (d) => {
      now = d;
    },
    call: (fn, action, data, openid = null, requestId) => {
      const router = FUNCTIONS[fn];
      if (!router) throw new Error(`no function ${fn}`);
      return router.handle({ action, data, requestId }, { openid }, deps);
    },
    consent: async (openid) => {
      const res = await FUNCTIONS.account.handle(
        {
          action: 'recordConsent',
          data: { purpose: 'personal_info', version: PERSONAL_INFO_CONSENT_VERSION, granted: true },
        },
        { openid },
        deps,
      );
      if (!res.ok) throw new Error(`consent failed: ${res.error.code}`);
    },
    snapshot: async () => {
      const out: Record<string, number> = {};
      for (const name of Object.values(C)) out[name] = await deps.store.collection(name).count({});
      return out;
    },
  };
}

/** Narrow an envelope to its data, failing the test with the error otherwise. */
export function dataOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}
