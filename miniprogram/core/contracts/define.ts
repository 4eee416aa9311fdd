/**
 * The typed contract pattern: one object per cloud function lists its actions
 * with input schema (zod/mini, loaded on the phone too), output type, who may
 * call it, whether it writes, and the closed list of its error codes.
 */
import type * as z from 'zod/mini';
import type { AppError, ErrorCode } from '../errors';
import type { Role } from '../org';

/**
 * 'public': no identity needed; 'identified': any WeChat user; 'system': only
 * the platform's own triggers (timers), never a phone; or the roles allowed.
 */
export type Access = 'public' | 'identified' | 'system' | readonly Role[];

export interface ActionSpec<I extends z.ZodMiniType = z.ZodMiniType, O = unknown, E extends ErrorCode = ErrorCode> {
  input: I;
  access: Access;
  /** Write actions are audited and never leave partial writes behind. */
  write: boolean;
  /**
   * False for a write whose outcome must not be kept for replay (a revealed number): a retry with the
   * same request id runs, and is audited, again.
   */
  replay?: boolean;
  /**
   * A batch job of a timer: its writes go through `ctx.step`, one transaction each with its own audit entries,
   * so a long run commits as it goes and a crash mid-way leaves the rest for the next run.
   */
  steps?: boolean;
  errors: readonly E[];
  /** Phantom: carries the output type. */
  readonly output?: O;
}

export type ActionMap = Record<string, ActionSpec>;

export interface Contract<A extends ActionMap = ActionMap> {
  name: string;
  actions: A;
}

/** `action<Output>()({ input, access, write, errors })` — curried so the output type is explicit. */
export function action<O>() {
  return <I extends z.ZodMiniType, const X extends Access, const E extends ErrorCode>(spec: {
    input: I;
    access: X;
    write: boolean;
    replay?: boolean;
    steps?: boolean;
    errors: readonly E[];
  }): ActionSpec<I, O, E> & { access: X } => spec;
}

export function defineContract<A extends ActionMap>(name: string, actions: A): Contract<A> {
  return { name, actions };
}

export type InputOf<S> = S extends ActionSpec<infer I, unknown, ErrorCode> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends ActionSpec<infer I, unknown, ErrorCode> ? z.output<I> : never;
export type OutputOf<S> = S extends ActionSpec<z.ZodMiniType, infer O, ErrorCode> ? O : never;
export type ErrorsOf<S> = S extends ActionSpec<z.ZodMiniType, unknown, infer E> ? E : never;

/** What the mini-program sends to a function. */
export interface CallEvent {
  action: string;
  data?: unknown;
  /** Client-generated id, for idempotent retries and log correlation. */
  requestId?: string;
}

export type Envelope<T> = { ok: true; data: T; requestId: string } | { ok: false; error: AppError; requestId: string };
