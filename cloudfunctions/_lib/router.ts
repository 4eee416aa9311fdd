/**
 * The router every function uses: look up the action, validate the input,
 * resolve identity and role, run the handler, audit and notify on success,
 * wrap the envelope. Nothing thrown escapes.
 *
 * A write action runs inside one transaction with its audit and outbox
 * entries (and the idempotency marker's completion): a rejected call rolls
 * back whatever the handler wrote, and a fault at any write leaves nothing.
 */
import type * as z from 'zod/mini';
import type {
  ActionMap,
  ActionSpec,
  Contract,
  Envelope,
  ErrorsOf,
  OutputOf,
  ParsedInputOf,
} from '../../miniprogram/core/contracts/define';
import { appError, type AppError } from '../../miniprogram/core/errors';
import { renderNotification, type NotificationRequest } from '../../miniprogram/core/notifications';
import type { Result } from '../../miniprogram/core/result';
import { giveBack, giveBackAlone, takeAttempts, type AttemptGuard } from './attempts';
import { C, type AuditDoc, type MessageDoc, type OutboxDoc } from './collections';
import type { ServerDeps } from './deps';
import { hasRole, loadActor, type Actor } from './identity';
import { once, Superseded, type MarkDone } from './idempotency';
import type { Store } from './store/port';
import { transact } from './transaction';

/** What an action enqueues: a kind of the catalogue (`core/notifications.ts`), its parameters, one OPENID. */
export type Notification = NotificationRequest;

export interface AuditEntry {
  target: string | null;
  details?: Record<string, unknown>;
}

export interface ActionContext {
  /** In a write action, `deps.store` is the transaction's view: every write through it commits together. */
  deps: ServerDeps;
  /** Null only when a public action is called without identity. */
  actor: Actor | null;
  now: Date;
  requestId: string;
  /** Recorded in `audit` once the action succeeds. */
  audit(entry: AuditEntry): void;
  /**
   * Queued once the action succeeds, in its transaction: the in-app copy in `messages` and the WeChat
   * message in `outbox` (same id), both rendered by the catalogue.
   */
  notify(message: Notification): void;
  /**
   * Only in a `steps` action (a timer's batch job): runs `fn` as one transaction of its own, whose audit
   * entries and messages commit with it. A fault ends the run after the steps that committed; the next run
   * finds only what is left.
   */
  step<R>(fn: (ctx: ActionContext) => Promise<R>): Promise<R>;
  /**
   * In a write action (or a step): undoes a side effect outside the store — a file put to storage — when this
   * attempt does not commit: a refusal, a fault at a later write or at the commit, an attempt run again after
   * losing a race. Called right after the side effect; undos run newest first, and one that fails is logged.
   */
  onRollback(undo: () => Promise<void>): void;
}

/**
 * Refusals that commit what the handler wrote (and its audit entries): for the rare refusal that is itself a
 * fact to record — a duplicate nomination flags the record holding the number as contested (issue 8 §6). The
 * handler must have written nothing else by then. Every other refusal rolls back.
 */
const KEPT = new WeakSet<AppError>();

export function refusalThatRecords<E extends AppError>(error: E): { ok: false; error: E } {
  KEPT.add(error);
  return { ok: false, error };
}

/** Handlers may fail with their declared codes, or with the router-level codes. */
export type HandlerError<S> = AppError & {
  code: ErrorsOf<S> | 'AUTH.OUT_OF_SCOPE' | 'INPUT.INVALID' | 'AUTH.FORBIDDEN';
};

export type Handler<S> = (
  input: ParsedInputOf<S>,
  ctx: ActionContext & { actor: Actor },
) => Promise<Result<OutputOf<S>, HandlerError<S>>>;
export type PublicHandler<S> = (
  input: ParsedInputOf<S>,
  ctx: ActionContext,
) => Promise<Result<OutputOf<S>, HandlerError<S>>>;

export type Handlers<A extends ActionMap> = {
  [K in keyof A]: A[K] extends { access: 'public' | 'system' } ? PublicHandler<A[K]> : Handler<A[K]>;
};

/** Wrong-attempt limits of the actions that compare a guessable secret (`_lib/attempts.ts`). */
export type Guards<A extends ActionMap> = {
  [K in keyof A]?: Omit<AttemptGuard<ErrorsOf<A[K]>>, 'limits'> & {
    limits(
      input: ParsedInputOf<A[K]>,
      ctx: { deps: ServerDeps; actor: Actor; now: Date },
    ): ReturnType<AttemptGuard['limits']>;
  };
};

export interface RequestMeta {
  /** From the platform context (production) or the dev server's header (local only). */
  openid: string | null;
  /** True only for the platform's timer triggers, which carry no user. */
  system?: boolean;
}

export interface Router {
  name: string;
  handle(event: unknown, meta: RequestMeta, deps: ServerDeps): Promise<Envelope<unknown>>;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

interface ZodIssueLike {
  path: PropertyKey[];
  code: string;
}

function issuesOf(error: { issues: ZodIssueLike[] }): Array<{ path: string; code: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Step<T> = { ok: true; value: T } | { ok: false; error: AppError };

function parseEvent<A extends ActionMap>(
  contract: Contract<A>,
  event: unknown,
): Step<{ name: string; spec: A[string]; input: unknown }> {
  if (!isRecord(event) || typeof event.action !== 'string') {
    return {
      ok: false,
      error: appError('INPUT.INVALID', 'event must be {action, data}', {
        issues: [{ path: 'action', code: 'invalid_type' }],
      }),
    };
  }
  const name = event.action;
  if (!Object.prototype.hasOwnProperty.call(contract.actions, name)) {
    return { ok: false, error: appError('ACTION.UNKNOWN', `unknown action ${contract.name}.${name.slice(0, 40)}`) };
  }
  const spec = contract.actions[name];
  const parsed = (spec.input as z.ZodMiniType).safeParse(event.data ?? {});
  if (!parsed.success)
    return {
      ok: false,
      error: appError('INPUT.INVALID', 'input failed validation', { issues: issuesOf(parsed.error) }),
    };
  return { ok: true, value: { name, spec: spec as A[string], input: parsed.data } };
}

async function authorize(spec: ActionSpec, meta: RequestMeta, deps: ServerDeps): Promise<Step<Actor | null>> {
  if (spec.access === 'system') {
    return meta.system ? { ok: true, value: null } : { ok: false, error: appError('AUTH.FORBIDDEN', 'system action') };
  }
  const actor = meta.openid ? await loadActor(deps, meta.openid) : null;
  if (spec.access !== 'public' && !actor)
    return { ok: false, error: appError('AUTH.UNAUTHENTICATED', 'no caller identity') };
  if (Array.isArray(spec.access) && (!actor || !hasRole(actor, spec.access))) {
    return { ok: false, error: appError('AUTH.FORBIDDEN', `role required: ${spec.access.join('|')}`) };
  }
  return { ok: true, value: actor };
}

export function defineRouter<A extends ActionMap>(
  contract: Contract<A>,
  handlers: Handlers<A>,
  guards: Guards<A> = {},
): Router {
  const fail = (requestId: string, error: AppError): Envelope<unknown> => ({ ok: false, error, requestId });

  async function run(
    event: unknown,
    meta: RequestMeta,
    deps: ServerDeps,
    request: { id: string; fromClient: boolean },
  ): Promise<Envelope<unknown>> {
    const requestId = request.id;
    const parsed = parseEvent(contract, event);
    if (!parsed.ok) return fail(requestId, parsed.error);
    const { name, spec, input } = parsed.value;
    const auth = await authorize(spec, meta, deps);
    if (!auth.ok) return fail(requestId, auth.error);
    const actor = auth.value;
    const call: Call = { fn: contract.name, name, input, actor, requestId, now: deps.clock() };
    const handler = handlers[name] as PublicHandler<ActionSpec>;
    if (!spec.write) return runRead(handler, call, deps);
    if (spec.steps) return runSteps(handler, call, deps);
    const guard = guards[name] as AttemptGuard | undefined;
    if (guard) call.guard = guard;
    // A retried or double-tapped write with the same client request id runs once.
    if (actor && request.fromClient && spec.replay !== false) {
      const key = `${contract.name}.${name}:${actor.openid}:${requestId}`;
      const bodyHash = deps.crypto.hash(JSON.stringify(input));
      return once(deps, { key, bodyHash, requestId }, (done) => runWrite(handler, call, deps, done));
    }
    return runWrite(handler, call, deps, null);
  }

  return {
    name: contract.name,
    async handle(event, meta, deps) {
      const given = isRecord(event) ? event.requestId : undefined;
      const fromClient = typeof given === 'string' && REQUEST_ID.test(given);
      const requestId = fromClient ? given : deps.randomId(16);
      const started = Date.now();
      let envelope: Envelope<unknown>;
      try {
        envelope = await run(event, meta, deps, { id: requestId, fromClient });
      } catch (e) {
        // Unexpected faults only: log the request id and the error's name, never the payload.
        deps.log.error('unhandled', {
          fn: contract.name,
          requestId,
          error: e instanceof Error ? `${e.name}: ${e.message}` : 'non-error thrown',
        });
        envelope = fail(requestId, appError('SYS.INTERNAL', 'internal error'));
      }
      // One line per call for operations: names, outcome and time only; the payload and identity never.
      const action = isRecord(event) && typeof event.action === 'string' ? event.action.slice(0, 40) : null;
      const outcome = envelope.ok ? 'ok' : envelope.error.code;
      deps.log.info('call', { fn: contract.name, action, requestId, outcome, ms: Date.now() - started });
      return envelope;
    },
  };
}

interface Call {
  fn: string;
  name: string;
  input: unknown;
  actor: Actor | null;
  requestId: string;
  now: Date;
  guard?: AttemptGuard;
}

/** A handler's refusal, thrown to roll the transaction back and caught again below. */
class Rejected extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
    this.name = 'Rejected';
  }
}

const noSteps = (): never => {
  throw new Error('ctx.step is only for actions declared with steps: true');
};

/** A read commits nothing, so it has nothing to undo. */
const nothingToUndo: ActionContext['onRollback'] = () => undefined;

function contextOf(
  call: Call,
  deps: ServerDeps,
  audits: AuditEntry[],
  outbox: Notification[],
  step: ActionContext['step'] = noSteps,
  onRollback: ActionContext['onRollback'] = nothingToUndo,
): ActionContext {
  return {
    deps,
    actor: call.actor,
    now: call.now,
    requestId: call.requestId,
    audit: (e) => audits.push(e),
    notify: (n) => outbox.push(n),
    step,
    onRollback,
  };
}

/**
 * `transact` with undos (`ctx.onRollback`): an attempt's undos run when it does not commit — before the next
 * attempt after a lost race, or once the transaction fails for good — so a side effect outside the store
 * outlives only a committed transaction.
 */
async function transactUndoable<R>(
  deps: ServerDeps,
  fn: (tx: Store, onRollback: ActionContext['onRollback']) => Promise<R>,
): Promise<R> {
  let undos: Array<() => Promise<void>> = [];
  const undoAll = async () => {
    const due = undos.reverse();
    undos = [];
    for (const undo of due) {
      try {
        await undo();
      } catch (e) {
        deps.log.error('rollback.undo', { error: e instanceof Error ? e.name : 'non-error thrown' });
      }
    }
  };
  try {
    return await transact(deps.store, async (tx: Store) => {
      await undoAll();
      return fn(tx, (undo) => void undos.push(undo));
    });
  } catch (e) {
    await undoAll();
    throw e;
  }
}

/** The audit targets of a call: what its messages and its stored outcome are about (the erasure finds them). */
function subjectsOf(audits: AuditEntry[]): string[] {
  return [...new Set(audits.flatMap((a) => (a.target ? [a.target] : [])))];
}

/**
 * A batch job (`steps: true`): the handler reads through the store and writes only inside `ctx.step`, each step
 * one transaction with its own audit entries, so a long run commits as it goes and a crash loses one step.
 */
async function runSteps(handler: PublicHandler<ActionSpec>, call: Call, deps: ServerDeps): Promise<Envelope<unknown>> {
  const step: ActionContext['step'] = (fn) =>
    transactUndoable(deps, async (tx: Store, onRollback) => {
      const audits: AuditEntry[] = [];
      const outbox: Notification[] = [];
      const txDeps: ServerDeps = { ...deps, store: tx };
      const value = await fn(contextOf(call, txDeps, audits, outbox, noSteps, onRollback));
      if (audits.length > 0 || outbox.length > 0) {
        await flush(txDeps, { ...call, action: call.name, audits, outbox });
      }
      return value;
    });
  const result = await handler(call.input as never, contextOf(call, deps, [], [], step));
  return result.ok
    ? { ok: true, data: result.value, requestId: call.requestId }
    : { ok: false, error: result.error, requestId: call.requestId };
}

async function runRead(handler: PublicHandler<ActionSpec>, call: Call, deps: ServerDeps): Promise<Envelope<unknown>> {
  const result = await handler(call.input as never, contextOf(call, deps, [], []));
  return result.ok
    ? { ok: true, data: result.value, requestId: call.requestId }
    : { ok: false, error: result.error, requestId: call.requestId };
}

async function runWrite(
  handler: PublicHandler<ActionSpec>,
  call: Call,
  deps: ServerDeps,
  markDone: MarkDone | null,
): Promise<Envelope<unknown>> {
  const { guard, actor, now } = call;
  if (!guard || !actor) return runTransaction(handler, call, deps, markDone, []);
  // The slots commit in a transaction of their own, before the secret is compared (`_lib/attempts.ts`).
  const slots = await takeAttempts(deps, await guard.limits(call.input as never, { deps, actor, now }), now);
  if (!slots) return { ok: false, error: guard.exceeded, requestId: call.requestId };
  let envelope: Envelope<unknown>;
  try {
    envelope = await runTransaction(handler, call, deps, markDone, slots);
  } catch (e) {
    await giveBackAlone(deps, slots, now);
    throw e;
  }
  const wrong = !envelope.ok && (guard.wrong as readonly string[]).includes(envelope.error.code);
  if (!envelope.ok && !wrong) await giveBackAlone(deps, slots, now);
  return envelope;
}

async function runTransaction(
  handler: PublicHandler<ActionSpec>,
  call: Call,
  deps: ServerDeps,
  markDone: MarkDone | null,
  slots: string[],
): Promise<Envelope<unknown>> {
  try {
    return await transactUndoable(deps, async (tx: Store, onRollback) => {
      // Fresh per attempt: a transaction run again must not carry the last attempt's entries.
      const audits: AuditEntry[] = [];
      const outbox: Notification[] = [];
      const txDeps: ServerDeps = { ...deps, store: tx };
      const result = await handler(call.input as never, contextOf(call, txDeps, audits, outbox, noSteps, onRollback));
      if (!result.ok && !KEPT.has(result.error)) throw new Rejected(result.error);
      // A right answer costs no attempt (a kept refusal gives its slots back after the transaction).
      if (result.ok) await giveBack(txDeps, slots, call.now);
      await flush(txDeps, { ...call, action: call.name, audits, outbox });
      const envelope: Envelope<unknown> = result.ok
        ? { ok: true, data: result.value, requestId: call.requestId }
        : { ok: false, error: result.error, requestId: call.requestId };
      if (markDone && !(await markDone(tx, envelope, subjectsOf(audits)))) throw new Superseded();
      return envelope;
    });
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, error: e.error, requestId: call.requestId };
    throw e;
  }
}

async function flush(
  deps: ServerDeps,
  r: {
    fn: string;
    action: string;
    actor: Actor | null;
    now: Date;
    requestId: string;
    audits: AuditEntry[];
    outbox: Notification[];
  },
): Promise<void> {
  const entries = r.audits.length > 0 ? r.audits : [{ target: null }];
  const audit = deps.store.collection<AuditDoc>(C.audit);
  for (const [i, e] of entries.entries()) {
    await audit.insert({
      _id: `${r.requestId}:${i}:${deps.randomId(6)}`,
      requestId: r.requestId,
      actor: r.actor?.openid ?? null,
      action: `${r.fn}.${r.action}`,
      target: e.target,
      at: r.now,
      ...(e.details ? { details: e.details } : {}),
    });
  }
  const outbox = deps.store.collection<OutboxDoc>(C.outbox);
  const messages = deps.store.collection<MessageDoc>(C.messages);
  const subjects = subjectsOf(r.audits);
  for (const n of r.outbox) {
    const m = renderNotification(n, r.now);
    const _id = deps.randomId(16);
    const copy = { toOpenid: n.to, kind: n.kind, title: m.title, body: m.body, page: m.page, createdAt: r.now };
    await messages.insert({ _id, ...copy, readAt: null, subjects });
    await outbox.insert({
      _id,
      ...copy,
      template: m.template,
      data: m.data,
      status: 'pending',
      claimedBy: null,
      leaseUntil: null,
      grantId: null,
      doneAt: null,
      reason: null,
      subjects,
    });
  }
}
