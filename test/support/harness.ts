/**
 * Action-test harness: the real routers against the embedded store in memory, a fixed clock.
 *
 * `h.call(fn, action, input, caller)` is typed by the contracts (`CONTRACTS` in scripts/local/functions.ts):
 * the function name, the action name and the input must exist in the contract, and the answer is an
 * envelope of that action's output and error codes. A renamed action, field or output fails to compile.
 * `h.callRaw(fn, event, caller)` sends any event at all, for the tests of malformed input only.
 */
import { C } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { createConsoleLogger } from '../../cloudfunctions/_lib/logger';
import type { RequestMeta } from '../../cloudfunctions/_lib/router';
import type { Envelope, ErrorsOf, InputOf, OutputOf } from '../../miniprogram/core/contracts/define';
import type { CodedError, ErrorCode } from '../../miniprogram/core/errors';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../miniprogram/core/profile';
import { createLocalDeps } from '../../scripts/local/deps';
import { ROUTERS, type CONTRACTS, type FunctionName } from '../../scripts/local/functions';
import { seedDemo } from '../../scripts/local/seed';
import { recordingStore } from './query-shapes';
import { captureLine } from './log-capture';

/** A fixed "today" inside the demo period's nomination window (China time). */
export const NOW = new Date('2026-11-24T10:00:00+08:00');

export type { FunctionName };
type Actions<F extends FunctionName> = (typeof CONTRACTS)[F]['actions'];
/** The names of a function's actions. */
export type ActionOf<F extends FunctionName> = keyof Actions<F> & string;
/** One action's spec in its contract. */
export type SpecOf<F extends FunctionName, A extends ActionOf<F>> = Actions<F>[A];

/** The input of one action, as its contract types it (what `h.call` takes). */
export type InputFor<F extends FunctionName, A extends ActionOf<F>> = InputOf<SpecOf<F, A>>;

/** Codes the router answers with before or around any action (unknown action, bad input, identity, faults). */
export type RouterCode =
  'ACTION.UNKNOWN' | 'INPUT.INVALID' | 'AUTH.UNAUTHENTICATED' | 'AUTH.FORBIDDEN' | 'AUTH.OUT_OF_SCOPE' | 'SYS.INTERNAL';

/** The envelope of one action: its output, or one of its declared error codes or the router's. */
export type Reply<S> =
  | { ok: true; data: OutputOf<S>; requestId: string }
  | { ok: false; error: CodedError<ErrorsOf<S> | RouterCode>; requestId: string };

/** The platform's timer trigger: no user, `system` set (what `access: 'system'` actions require). */
export const TIMER = { system: true } as const;

/** Who calls: an OPENID, anyone with one (a fixture's person), the timer, or nobody (no identity). */
export type Caller = string | { openid: string } | typeof TIMER | null;

function metaOf(caller: Caller): RequestMeta {
  if (caller === null || typeof caller === 'string') return { openid: caller };
  return 'openid' in caller ? { openid: caller.openid } : { openid: null, system: true };
}

export interface Harness {
  deps: ServerDeps;
  logs: string[];
  setNow(now: Date): void;
  /** One action through its function's router, typed by the contract. */
  call<F extends FunctionName, A extends ActionOf<F>>(
    fn: F,
    action: A,
    input: InputFor<F, A>,
    caller?: Caller,
    requestId?: string,
  ): Promise<Reply<SpecOf<F, A>>>;
  /** Any event at all (not an object, no action, input of the wrong shape): only for malformed-input tests. */
  callRaw(fn: FunctionName, event: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** Records the current personal-information consent (PIPL art. 29) through `account.recordConsent`. */
  consent(caller: string | { openid: string }): Promise<void>;
  /** Document counts of every collection, to prove a rejected call wrote nothing. */
  snapshot(): Promise<Record<string, number>>;
}

export async function makeHarness(
  options: {
    seed?: boolean;
    now?: Date;
    bootstrapCityAdmins?: string[];
    filesDir?: string;
    /** Other dependencies (e.g. the cloudbase adapter): their own clock and logger, so no `setNow` and no `logs`. */
    deps?: ServerDeps;
  } = {},
): Promise<Harness> {
  let now = options.now ?? NOW;
  const logs: string[] = [];
  const local = () =>
    createLocalDeps({
      clock: () => now,
      log: createConsoleLogger((line) => {
        logs.push(line);
        captureLine(line);
      }),
      bootstrapCityAdmins: options.bootstrapCityAdmins,
      filesDir: options.filesDir,
    });
  const deps = options.deps ?? local();
  if (options.seed !== false) await seedDemo(deps, now);
  // The functions see a store that records each query's shape (checked against the indexes after the suite).
  // A proxy, not a copy: tests may change a dependency later (e.g. the configured bootstrap code).
  const store = recordingStore(deps.store);
  const recorded = new Proxy(deps, { get: (target, key) => (key === 'store' ? store : Reflect.get(target, key)) });
  const callRaw = (fn: FunctionName, event: unknown, caller: Caller = null) =>
    ROUTERS[fn].handle(event, metaOf(caller), recorded);
  const harness: Harness = {
    deps,
    logs,
    setNow: (d) => {
      if (options.deps) throw new Error('the given deps keep their own clock');
      now = d;
    },
    call: async (fn, action, input, caller = null, requestId) => {
      // The router answers with the contract's output and codes; the cast is what `Router` cannot express.
      const envelope = await callRaw(fn, { action, data: input, requestId }, caller);
      return envelope as Reply<SpecOf<typeof fn, typeof action>>;
    },
    callRaw,
    consent: async (caller) => {
      const input = { purpose: 'personal_info', version: PERSONAL_INFO_CONSENT_VERSION, granted: true } as const;
      const res = await harness.call('account', 'recordConsent', input, caller);
      if (!res.ok) throw new Error(`consent failed: ${res.error.code}`);
    },
    snapshot: async () => {
      const out: Record<string, number> = {};
      for (const name of Object.values(C)) out[name] = await deps.store.collection(name).count({});
      return out;
    },
  };
  return harness;
}

/** Narrow an envelope to its data (typed by the action's output), failing the test with the error otherwise. */
export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** 'OK' or the error code: one of the action's declared codes or the router's. */
export function codeOf<R extends Envelope<unknown>>(
  envelope: R,
): 'OK' | (R extends { ok: false; error: { code: infer K extends ErrorCode } } ? K : never) {
  return envelope.ok
    ? 'OK'
    : (envelope.error.code as R extends { ok: false; error: { code: infer K extends ErrorCode } } ? K : never);
}
