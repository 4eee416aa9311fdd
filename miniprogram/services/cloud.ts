/**
 * The only caller of the cloud. In WeChat it uses wx.cloud.callFunction; in
 * local mode (storage key `hqn.devServer` set, as the browser preview and
 * DevTools-against-the-dev-server do) it POSTs the same event to the dev
 * server with the chosen persona's id. Every call resolves (never rejects)
 * with a typed result carrying Chinese text for the user.
 */
import type { CallEvent, Contracts, Envelope, FunctionName, InputOf, OutputOf } from '../core/contracts';
import { isErrorCode, type ErrorCode } from '../core/errors';
import { errorText, NETWORK_ERROR_TEXT } from './error-text';

export const DEV_SERVER_KEY = 'hqn.devServer';
export const DEV_OPENID_KEY = 'hqn.devOpenid';

export type CallFailure = {
  ok: false;
  code: ErrorCode | 'NETWORK';
  message: string;
  details?: Record<string, unknown>;
};
export type CallResult<T> = { ok: true; data: T } | CallFailure;

type Actions<F extends FunctionName> = Contracts[F]['actions'];

/** At launch: the cloud SDK, unless the app runs against the local dev server. */
export function initCloud(): void {
  const local: unknown = wx.getStorageSync(DEV_SERVER_KEY);
  if (!local && wx.cloud) wx.cloud.init({ traceUser: true });
}

/** A client request id: the server runs a write once per id, so a retry or double tap reuses it. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function localServer(): string | null {
  try {
    const value: unknown = wx.getStorageSync(DEV_SERVER_KEY);
    return typeof value === 'string' && value !== '' ? (value === 'same-origin' ? '' : value) : null;
  } catch {
    return null;
  }
}

/**
 * Who the calls speak for, as far as the phone can tell: in local mode the dev
 * persona (the preview switches it without restarting the app), '' in WeChat,
 * where the identity is the platform's and never changes within a launch.
 */
export function callerKey(): string {
  if (localServer() === null) return '';
  const openid: unknown = wx.getStorageSync(DEV_OPENID_KEY);
  return typeof openid === 'string' ? openid : '';
}

function viaDevServer(base: string, fn: string, event: CallEvent): Promise<unknown> {
  const openid: unknown = wx.getStorageSync(DEV_OPENID_KEY);
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${base}/api/${fn}`,
      method: 'POST',
      data: event as unknown as WechatMiniprogram.IAnyObject,
      header: { 'content-type': 'application/json', 'x-dev-openid': typeof openid === 'string' ? openid : '' },
      success: (res) => resolve(res.data),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
}

async function viaCloud(fn: string, event: CallEvent): Promise<unknown> {
  const res = await wx.cloud.callFunction({ name: fn, data: event as unknown as WechatMiniprogram.IAnyObject });
  return res.result;
}

function isEnvelope(v: unknown): v is Envelope<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

export async function call<F extends FunctionName, A extends keyof Actions<F> & string>(
  fn: F,
  action: A,
  data: InputOf<Actions<F>[A]>,
  requestId: string = newRequestId(),
): Promise<CallResult<OutputOf<Actions<F>[A]>>> {
  const event: CallEvent = { action, data, requestId };
  let raw: unknown;
  try {
    const base = localServer();
    raw = base !== null ? await viaDevServer(base, fn, event) : await viaCloud(fn, event);
  } catch {
    return { ok: false, code: 'NETWORK', message: NETWORK_ERROR_TEXT };
  }
  if (!isEnvelope(raw)) return { ok: false, code: 'SYS.INTERNAL', message: errorText('SYS.INTERNAL') };
  if (raw.ok) return { ok: true, data: raw.data as OutputOf<Actions<F>[A]> };
  const code = isErrorCode(raw.error.code) ? raw.error.code : 'SYS.INTERNAL';
  return { ok: false, code, message: errorText(code, raw.error.details), details: raw.error.details };
}
