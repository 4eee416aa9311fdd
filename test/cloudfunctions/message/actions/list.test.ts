import { approval } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';
import { messageScene, type MessageScene } from '../message-scene';

describe('message.list (消息中心)', () => {
  let s: MessageScene;
  beforeEach(async () => {
    s = await messageScene();
  });

  it('a returned nomination reaches the youth’s message centre, rendered by the catalogue, with the page it opens', async () => {
    const n = await s.f.nomination(s.unit, { youth: s.youth });
    await s.h.call(
      'nomination',
      'review',
      { nominationId: n.id, decision: 'return', comment: '请补充典型事迹' },
      s.admin,
    );
    const inbox = dataOf(await s.h.call('message', 'list', {}, s.youth));
    expect(inbox).toEqual(expect.objectContaining({ total: 1, unread: 1, hasMore: false }));
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: 'nomination.reviewed',
        title: '推荐审核结果',
        body: '您的好青年推荐审核结果：已退回修改（请补充典型事迹）',
        url: '/package-youth/pages/nomination/mine/index',
        read: false,
      }),
    ]);
  });

  it('lists only the caller’s own messages, newest first, 20 a page', async () => {
    for (let i = 0; i < 22; i += 1) {
      s.h.setNow(new Date(Date.parse('2026-11-24T02:00:00Z') + i * 60_000));
      await s.notifyAdmin();
    }
    const first = dataOf(await s.h.call('message', 'list', {}, s.admin));
    expect(first).toEqual(expect.objectContaining({ total: 22, unread: 22, hasMore: true, pageSize: 20 }));
    expect(first.items[0].body).toBe('本期名额调整为24名：区县统筹调整');
    const second = dataOf(await s.h.call('message', 'list', { page: 2 }, s.admin));
    expect(second.items.map((m) => m.body)).toEqual([
      '本期名额调整为4名：区县统筹调整',
      '本期名额调整为3名：区县统筹调整',
    ]);
    expect(dataOf(await s.h.call('message', 'list', {}, s.youth)).total).toBe(0);
  });

  it('a refused action leaves no message behind (the outbox and the inbox roll back with it)', async () => {
    const n = await s.f.nomination(s.unit, { youth: s.youth, status: 'approved' });
    await s.h.call('nomination', 'review', approval(n.id), s.admin); // already approved: refused
    expect(dataOf(await s.h.call('message', 'list', {}, s.youth)).total).toBe(0);
    expect(await s.outbox()).toEqual([]);
  });
});
