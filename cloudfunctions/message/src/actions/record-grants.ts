import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { chinaDate } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type GrantDoc } from '../../../_lib/collections';
import { takeSlot } from '../../../_lib/limits';
import type { Handler } from '../../../_lib/router';
import { templateKeyOf } from '../../../_lib/wechat';

/** Accepted subscriptions a person may record per China day: far above any real use, a bound on a script. */
export const DAILY_GRANTS = 20;
const DAY_MS = 86_400_000;

/**
 * After `wx.requestSubscribeMessage`: every 'accept' becomes one grant of the ledger (WeChat allows one message
 * per accept); 'reject', 'ban' and 'filter' record nothing. Only our configured template ids are taken.
 */
export const recordGrants: Handler<typeof messageContract.actions.recordGrants> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const accepted = input.results.filter((r) => r.result === 'accept');
  const keys = accepted.map((r) => ({ templateId: r.templateId, key: templateKeyOf(deps.templates, r.templateId) }));
  if (keys.some((k) => k.key === null)) return err(appError('MESSAGE.UNKNOWN_TEMPLATE', 'template not configured'));
  const day = chinaDate(now);
  const grants = deps.store.collection<GrantDoc>(C.grants);
  for (const [i, k] of keys.entries()) {
    const slot = await takeSlot(deps, `grant-day:${actor.openid}:${day}`, DAILY_GRANTS, {
      now,
      expiresAt: new Date(now.getTime() + 2 * DAY_MS),
    });
    if (!slot) return err(appError('MESSAGE.GRANT_LIMIT', 'daily grant limit reached'));
    await grants.insert({
      _id: `${ctx.requestId}:${i}`,
      openid: actor.openid,
      template: k.key as NonNullable<typeof k.key>,
      templateId: k.templateId,
      grantedAt: now,
      state: 'available',
      outboxId: null,
      usedAt: null,
      voidedAt: null,
      voidReason: null,
    });
  }
  ctx.audit({ target: null, details: { recorded: keys.length, templates: keys.map((k) => k.key) } });
  return ok({ recorded: keys.length });
};
