import { dataOf, TIMER, codeOf } from '../../../support/harness';
import { messageScene } from '../message-scene';

describe('message.drainOutbox (the timer)', () => {
  it('runs on the platform timer only; overlapping timer runs send each message once', async () => {
    const s = await messageScene();
    await s.grant(s.admin, 'todo', 3);
    for (let i = 0; i < 3; i += 1) await s.notifyAdmin();
    expect(codeOf(await s.h.call('message', 'drainOutbox', {}, s.cityAdmin))).toBe('AUTH.FORBIDDEN');
    const runs = await Promise.all([1, 2, 3].map(() => s.h.call('message', 'drainOutbox', {}, TIMER)));
    expect(runs.map(dataOf).reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect(s.wechat.delivered).toHaveLength(3);
    expect(new Set(s.wechat.delivered.map((m) => m.data.thing1.value)).size).toBe(3);
  });
});
