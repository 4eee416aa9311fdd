/**
 * WeChat's subscribe-message service as the laptop and the tests see it: it
 * answers each send with success or an errcode as configured, and keeps what
 * it delivered. The dev server and the action tests call it in process; the
 * fake CloudBase endpoint (test/support/fake-tcb-server.ts) puts it behind the
 * `wx.openApi` wire call that wx-server-sdk makes.
 */
import type { SendOutcome, SubscribeMessage, SubscribeSender } from '../../cloudfunctions/_lib/wechat';

/** Errcodes WeChat answers (research: cloudbase-production.md). */
export const WECHAT_ERRORS: Record<number, string> = {
  43101: 'user refuse to accept the msg',
  40037: 'invalid template_id',
  47003: 'argument invalid! data.thing1.value invalid',
  40003: 'invalid openid',
  41030: 'invalid page',
};

export interface WechatEmulator extends SubscribeSender {
  /** Every message WeChat accepted, in order. */
  readonly delivered: SubscribeMessage[];
  /** Every send it was asked for (answered or not). */
  readonly attempts: SubscribeMessage[];
  /** The answer to the next sends, first in first out (0 = success); afterwards `fallback`. */
  answerNext(...codes: number[]): void;
  /** The answer for every later send, unless queued (default 0). */
  fallback: number;
  /** Called before answering (tests hold a send open to race it). */
  beforeAnswer?: (m: SubscribeMessage) => Promise<void>;
  reset(): void;
}

export function createWechatEmulator(): WechatEmulator {
  const queue: number[] = [];
  const emulator: WechatEmulator = {
    delivered: [],
    attempts: [],
    fallback: 0,
    answerNext: (...codes) => void queue.push(...codes),
    async send(m: SubscribeMessage): Promise<SendOutcome> {
      emulator.attempts.push(m);
      if (emulator.beforeAnswer) await emulator.beforeAnswer(m);
      const code = queue.length > 0 ? (queue.shift() as number) : emulator.fallback;
      if (code === 0) {
        emulator.delivered.push(m);
        return { ok: true };
      }
      return { ok: false, errCode: code, errMsg: WECHAT_ERRORS[code] ?? 'system error' };
    },
    reset() {
      queue.length = 0;
      emulator.delivered.length = 0;
      emulator.attempts.length = 0;
      emulator.fallback = 0;
      emulator.beforeAnswer = undefined;
    },
  };
  return emulator;
}
