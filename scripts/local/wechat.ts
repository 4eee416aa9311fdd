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

// ---- The wire: what wx-server-sdk sends to CloudBase's `wx.openApi` and what it expects back (protobuf). ----

/** Reads a protobuf message into field number → raw values (varints as numbers, length-delimited as bytes). */
function readFields(buf: Buffer): Map<number, Array<number | Buffer>> {
  const out = new Map<number, Array<number | Buffer>>();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  while (pos < buf.length) {
    const tag = varint();
    const [field, wire] = [Math.floor(tag / 8), tag & 7];
    let value: number | Buffer;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const len = varint();
      value = buf.subarray(pos, pos + len);
      pos += len;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

function writeVarint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

const lengthDelimited = (field: number, bytes: Buffer) =>
  Buffer.concat([writeVarint(field * 8 + 2), writeVarint(bytes.length), bytes]);

/** `CommApiData { openapiData: { pairs: [{ key, value }] } }` → the call's parameters (values are JSON). */
export function decodeOpenApiRequest(requestData: Buffer): Record<string, unknown> {
  const openapiData = readFields(requestData).get(2)?.[0];
  if (!Buffer.isBuffer(openapiData)) throw new Error('wx.openApi request without openapiData');
  const params: Record<string, unknown> = {};
  for (const pair of readFields(openapiData).get(1) ?? []) {
    const kv = readFields(pair as Buffer);
    const key = (kv.get(1)?.[0] as Buffer).toString('utf8');
    const raw = (kv.get(2)?.[0] as Buffer | undefined)?.toString('utf8') ?? '';
    try {
      params[key] = JSON.parse(raw) as unknown;
    } catch {
      params[key] = raw;
    }
  }
  return params;
}

/** `CommOpenApiResp { respData, contentType, errorCode: 0, httpCode: 200 }` carrying WeChat's JSON answer. */
export function encodeOpenApiResponse(answer: { errcode: number; errmsg: string }): Buffer {
  return Buffer.concat([
    lengthDelimited(1, Buffer.from(JSON.stringify(answer))),
    lengthDelimited(2, Buffer.from('application/json')),
    writeVarint(3 * 8),
    writeVarint(0),
    writeVarint(4 * 8),
    writeVarint(200),
  ]);
}

/** One `subscribeMessage.send` as the SDK put it on the wire, answered by the emulator. */
export async function answerOpenApi(emulator: WechatEmulator, apiName: string, requestData: Buffer): Promise<Buffer> {
  if (apiName !== 'subscribeMessage.send') return encodeOpenApiResponse({ errcode: 48001, errmsg: 'api unauthorized' });
  const p = decodeOpenApiRequest(requestData);
  const outcome = await emulator.send({
    touser: String(p.touser),
    templateId: String(p.template_id),
    page: String(p.page),
    data: p.data as SubscribeMessage['data'],
  });
  return encodeOpenApiResponse(
    outcome.ok ? { errcode: 0, errmsg: 'ok' } : { errcode: outcome.errCode, errmsg: outcome.errMsg },
  );
}
