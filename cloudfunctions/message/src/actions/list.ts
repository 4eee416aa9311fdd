import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MessageDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { countUnread, messageView } from '../inbox';

const PAGE_SIZE = 20;

/** 消息中心: the caller's own messages only, newest first, 20 a page. */
export const list: Handler<typeof messageContract.actions.list> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? PAGE_SIZE;
  const messages = deps.store.collection<MessageDoc>(C.messages);
  const mine = { toOpenid: actor.openid };
  const [docs, total, unread] = await Promise.all([
    messages.find(mine, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    messages.count(mine),
    countUnread(deps, actor.openid),
  ]);
  return ok({ items: docs.map(messageView), page, pageSize, total, hasMore: page * pageSize < total, unread });
};
