/**
 * WeChat's async API convention: callbacks `success`/`fail`/`complete` when
 * any is given, otherwise a Promise. One adapter so every shim behaves alike.
 */

export interface WxError {
  errMsg: string;
}

export interface Callbacks<R> {
  success?: (result: R) => void;
  fail?: (error: WxError) => void;
  complete?: (result: R | WxError) => void;
}

export class WxFailure extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg);
  }
}

function hasCallbacks(options: object): boolean {
  const o = options as Callbacks<unknown>;
  return typeof o.success === 'function' || typeof o.fail === 'function' || typeof o.complete === 'function';
}

function toError(name: string, e: unknown): WxError {
  if (e instanceof WxFailure) return { errMsg: e.errMsg };
  return { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` };
}

/** Wraps `impl` (which resolves with the result minus errMsg, or throws) into a wx-style API named `name`. */
export function wxAsync<O extends object, R extends object>(
  name: string,
  impl: (options: O) => Promise<R>,
): (options?: O & Callbacks<R & WxError>) => Promise<R & WxError> | undefined {
  return (options) => {
    const opts = (options ?? {}) as O & Callbacks<R & WxError>;
    const run = impl(opts).then(
      (r) => ({ ...r, errMsg: `${name}:ok` }),
      (e: unknown) => Promise.reject(toError(name, e)),
    );
    if (!hasCallbacks(opts)) return run;
    run.then(
      (r) => {
        opts.success?.(r);
        opts.complete?.(r);
      },
      (e: WxError) => {
        opts.fail?.(e);
        opts.complete?.(e);
      },
    );
    return undefined;
  };
}
