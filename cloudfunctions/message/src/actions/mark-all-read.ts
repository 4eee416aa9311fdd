import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MessageDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';

/** A transaction writes documents by id: this many per call, and the page calls again while some remain. */
const BATCH = 100;

/** 全部已读: the caller's unread messages, each by id inside the transaction. */
export const markAllRead: Handler<typeof messageContract.actions.markAllRead> = async (_input, ctx) => {
  const messages = ctx.deps.store.collection<MessageDoc>(C.messages);
  const unread = await messages.find(
    { toOpenid: ctx.actor.openid, readAt: null },
    { projection: { _id: 1 }, limit: BATCH + 1 },
  );
  let marked = 0;
  for (const m of unread.slice(0, BATCH))
    marked += await messages.updateOne({ _id: m._id, readAt: null }, { $set: { readAt: ctx.now } });
  ctx.audit({ target: null, details: { marked } });
  return ok({ marked, remaining: unread.length > BATCH });
};
