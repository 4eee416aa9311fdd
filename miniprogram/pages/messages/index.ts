/**
 * 消息中心 (issue 10): every notification of the caller, whatever happened to
 * its WeChat message; tapping one marks it read and opens the page it is
 * about; 全部已读 clears the badge.
 */
import type { Paged } from '../../core/contracts/common';
import type { MessageView } from '../../core/contracts/message';
import { PAGE_SIZE, pagedList } from '../../behaviors/paged-list';
import { chinaDateTime } from '../../lib/format';
import { go, toast } from '../../lib/ui';
import { call } from '../../services/cloud';
import { textSize } from '../../behaviors/text-size';

const rowOf = (m: MessageView) => ({
  id: m.id,
  title: m.title,
  body: m.body,
  url: m.url,
  time: chinaDateTime(m.createdAt),
  read: m.read,
});

type Inbox = Paged<MessageView> & { unread: number };

const list = pagedList<MessageView, ReturnType<typeof rowOf>, object, Inbox>({
  fetch: (_data, page) => call('message', 'list', { page, pageSize: PAGE_SIZE }),
  row: rowOf,
  extra: (answer) => ({ unread: answer.unread }),
});

Component({
  behaviors: [textSize, list],
  data: { unread: 0, marking: false },
  lifetimes: {
    attached() {
      void this.loadFirst();
    },
  },
  methods: {
    onRetry() {
      void this.loadFirst();
    },

    async onOpen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const index = this.data.items.findIndex((m) => m.id === id);
      if (index < 0) return;
      const m = this.data.items[index];
      if (!m.read) {
        const res = await call('message', 'markRead', { messageId: m.id });
        if (res.ok) this.setData({ [`items[${index}].read`]: true, unread: Math.max(0, this.data.unread - 1) });
      }
      go(m.url);
    },

    async onMarkAll() {
      if (this.data.marking || this.data.unread === 0) return;
      this.setData({ marking: true });
      let res = await call('message', 'markAllRead', {});
      while (res.ok && res.data.remaining) res = await call('message', 'markAllRead', {});
      this.setData({ marking: false });
      if (!res.ok) return toast(this, res.message);
      this.setData({ unread: 0, items: this.data.items.map((m) => ({ ...m, read: true })) });
      toast(this, '已全部标为已读', 'success');
    },
  },
});
