/** The caller's message centre: views and the unread count, shared by the inbox actions. */
import type { MessageView } from '../../../miniprogram/core/contracts/message';
import { C, type MessageDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';

export function messageView(m: MessageDoc): MessageView {
  return {
    id: m._id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    url: `/${m.page}`,
    createdAt: m.createdAt.toISOString(),
    read: m.readAt !== null,
  };
}

/** Counted through the `(toOpenid, readAt)` index. */
export function countUnread(deps: ServerDeps, openid: string): Promise<number> {
  return deps.store.collection<MessageDoc>(C.messages).count({ toOpenid: openid, readAt: null });
}
