import { dataOf } from '../../../support/harness';
import { messageScene } from '../message-scene';

describe('message.markAllRead', () => {
  it('marks every unread message of the caller, a hundred per call, and says when some remain', async () => {
    const s = await messageScene();
    await s.notifyAdmin();
    // 105 more for the admin, written as the router writes them (a hundred quota changes would be slow).
    const [one] = await s.messages({ toOpenid: s.admin.openid });
    const messages = s.h.deps.store.collection('messages');
    for (let i = 0; i < 105; i += 1) await messages.insert({ ...one, _id: `more-${i}` });
    await s.h.call('admin', 'setQuota', { unitId: s.unit._id, quota: 9, reason: '再次调整' }, s.overseer);
    const youthBefore = dataOf(await s.h.call('message', 'unreadCount', {}, s.youth)).unread;
    expect(dataOf(await s.h.call('message', 'markAllRead', {}, s.admin))).toEqual({ marked: 100, remaining: true });
    expect(dataOf(await s.h.call('message', 'markAllRead', {}, s.admin))).toEqual({ marked: 7, remaining: false });
    expect(dataOf(await s.h.call('message', 'unreadCount', {}, s.admin)).unread).toBe(0);
    expect(dataOf(await s.h.call('message', 'unreadCount', {}, s.youth)).unread).toBe(youthBefore);
  });
});
