/**
 * The WeChat side of notifications: which template ids this mini-program's
 * account has (configuration), and the port that sends one subscribe message.
 * The production sender is `wechat-sdk.ts` (wx-server-sdk), bundled only into
 * the `message` function; every other function gets `noSender`.
 */
import { TEMPLATE_KEYS, type TemplateKey } from '../../miniprogram/core/notifications';

/** Template key → the template id chosen in the mini-program's console (missing: that template is never sent). */
export type TemplateIds = Partial<Record<TemplateKey, string>>;

/** One `subscribeMessage.send`, as WeChat takes it. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat answered: 0 is delivered; otherwise its errcode (43101 refused or used up, 40037, 47003…). */
export type SendOutcome = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface SubscribeSender {
  /** Resolves with WeChat's answer; rejects only when the answer is unknown (transport failure, timeout). */
  send(message: SubscribeMessage): Promise<SendOutcome>;
}

/** For functions that never send (the router only enqueues). */
export const noSender: SubscribeSender = {
  send: () => Promise.reject(new Error('this function does not send subscribe messages')),
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `HQN_TEMPLATE_IDS=reviewResult=<id>,todo=<id>`: unknown keys and malformed ids are ignored. */
export function templateIdsFrom(value: string | undefined): TemplateIds {
  const out: TemplateIds = {};
  for (const pair of (value ?? '').split(',')) {
    const [key, id] = pair.split('=').map((s) => s.trim());
    if ((TEMPLATE_KEYS as string[]).includes(key) && id && ID.test(id)) out[key as TemplateKey] = id;
  }
  return out;
}

/** The key of a configured template id, or null (a grant for an id we do not use is refused). */
export function templateKeyOf(ids: TemplateIds, templateId: string): TemplateKey | null {
  return TEMPLATE_KEYS.find((k) => ids[k] === templateId) ?? null;
}

/** Local ids (dev server, tests): the fake WeChat endpoint accepts these. */
export const DEV_TEMPLATE_IDS: Required<TemplateIds> = {
  reviewResult: 'dev-tmpl-review-result',
  todo: 'dev-tmpl-todo',
};
