import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { countUnread } from '../inbox';

/** The badge on home and the 消息 entry. */
export const unreadCount: Handler<typeof messageContract.actions.unreadCount> = async (_input, ctx) =>
  ok({ unread: await countUnread(ctx.deps, ctx.actor.openid) });
