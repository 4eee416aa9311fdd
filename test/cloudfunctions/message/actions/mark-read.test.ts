import { codeOf, dataOf } from '../../../support/harness';
import { messageScene } from '../message-scene';

describe('message.markRead', () => {
  it('marks one of the caller’s messages read, once; someone else’s is not found and stays unread', async () => {
    const s = await messageScene();
    await s.notifyAdmin();
    const [m] = dataOf(await s.h.call('message', 'list', {}, s.admin)).items;
    expect(codeOf(await s.h.call('message', 'markRead', { messageId: m.id }, s.youth))).toBe('MESSAGE.NOT_FOUND');
    expect(dataOf(await s.h.call('message', 'unreadCount', {}, s.admin)).unread).toBe(1);
    expect(dataOf(await s.h.call('message', 'markRead', { messageId: m.id }, s.admin)).marked).toBe(1);
    expect(dataOf(await s.h.call('message', 'markRead', { messageId: m.id }, s.admin)).marked).toBe(0);
    expect(dataOf(await s.h.call('message', 'list', {}, s.admin))).toEqual(
      expect.objectContaining({ unread: 0, items: [expect.objectContaining({ id: m.id, read: true })] }),
    );
  });
});
