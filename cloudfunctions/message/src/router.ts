import { messageContract } from '../../../miniprogram/core/contracts/message';
import { defineRouter } from '../../_lib/router';
import { deliveryStats } from './actions/delivery-stats';
import { drain } from './actions/drain';
import { drainOutbox } from './actions/drain-outbox';
import { list } from './actions/list';
import { markAllRead } from './actions/mark-all-read';
import { markRead } from './actions/mark-read';
import { recordGrants } from './actions/record-grants';
import { subscribeTemplates } from './actions/subscribe-templates';
import { unreadCount } from './actions/unread-count';

export const router = defineRouter(messageContract, {
  list,
  unreadCount,
  markRead,
  markAllRead,
  subscribeTemplates,
  recordGrants,
  deliveryStats,
  drain,
  drainOutbox,
});
