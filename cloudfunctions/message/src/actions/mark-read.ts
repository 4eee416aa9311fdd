import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MessageDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';

/** One message read (opening it); someone else's message is "not found". Reading twice changes nothing. */
export const markRead: Handler<typeof messageContract.actions.markRead> = async (input, ctx) => {
  const messages = ctx.deps.store.collection<MessageDoc>(C.messages);
  const m = await messages.get(input.messageId);
  if (!m || m.toOpenid !== ctx.actor.openid) return err(appError('MESSAGE.NOT_FOUND', 'message not found'));
  const marked = m.readAt ? 0 : await messages.updateOne({ _id: m._id, readAt: null }, { $set: { readAt: ctx.now } });
  ctx.audit({ target: `messages/${m._id}` });
  return ok({ marked });
};
