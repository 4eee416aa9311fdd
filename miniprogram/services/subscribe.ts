/**
 * Subscriptions to WeChat subscribe messages (issue 10). A page prepares the
 * template ids of its moment when it opens (`prepareSubscribe`), and asks from
 * a tap (`askSubscribe`: `wx.requestSubscribeMessage` must run in the tap,
 * ≤ 3 templates); every accepted template is recorded as one grant. Refusing
 * is fine: the message centre has every notification anyway.
 */
import type { SubscribeMoment } from '../core/notifications';
import { call, callerKey } from './cloud';

const prepared = new Map<string, string[]>();
const keyOf = (moment: SubscribeMoment) => `${callerKey()}:${moment}`;

/** The template ids a moment asks for ([] when none is configured, or the call failed: then nothing is asked). */
export async function prepareSubscribe(moment: SubscribeMoment): Promise<string[]> {
  const known = prepared.get(keyOf(moment));
  if (known) return known;
  const res = await call('message', 'subscribeTemplates', { moment });
  const ids = res.ok ? res.data.templateIds.slice(0, 3) : [];
  if (res.ok) prepared.set(keyOf(moment), ids);
  return ids;
}

export type SubscribeOutcome = 'accepted' | 'refused' | 'unavailable';

type SubscribeResults = Record<string, string>;

function request(ids: string[]): Promise<SubscribeResults | null> {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(res as unknown as SubscribeResults),
      fail: () => resolve(null),
    } as WechatMiniprogram.RequestSubscribeMessageOption);
  });
}

/** From a tap: asks, records what was accepted; 'unavailable' when nothing could be asked or recorded. */
export async function askSubscribe(moment: SubscribeMoment): Promise<SubscribeOutcome> {
  const ids = prepared.get(keyOf(moment)) ?? [];
  if (ids.length === 0) return 'unavailable';
  const answer = await request(ids);
  if (!answer) return 'unavailable';
  const results = ids.map((templateId) => ({
    templateId,
    result: (['accept', 'reject', 'ban', 'filter'].includes(answer[templateId]) ? answer[templateId] : 'reject') as
      'accept' | 'reject' | 'ban' | 'filter',
  }));
  if (!results.some((r) => r.result === 'accept')) return 'refused';
  const saved = await call('message', 'recordGrants', { results });
  return saved.ok ? 'accepted' : 'unavailable';
}

/** The caller's unread count for badges; 0 when it cannot be read (a badge is never worth an error). */
export async function unreadCount(): Promise<number> {
  const res = await call('message', 'unreadCount', {});
  return res.ok ? res.data.unread : 0;
}
