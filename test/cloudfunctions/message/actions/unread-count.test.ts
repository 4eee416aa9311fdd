import { codeOf, dataOf } from '../../../support/harness';
import { messageScene } from '../message-scene';

describe('message.unreadCount', () => {
  it('counts the caller’s unread messages (the badge)', async () => {
    const s = await messageScene();
    expect(dataOf(await s.h.call('message', 'unreadCount', {}, s.admin)).unread).toBe(0);
    await s.notifyAdmin();
    await s.notifyAdmin();
    expect(dataOf(await s.h.call('message', 'unreadCount', {}, s.admin)).unread).toBe(2);
    expect(dataOf(await s.h.call('message', 'unreadCount', {}, s.youth)).unread).toBe(0);
    expect(codeOf(await s.h.call('message', 'unreadCount', {}, null))).toBe('AUTH.UNAUTHENTICATED');
  });
});
