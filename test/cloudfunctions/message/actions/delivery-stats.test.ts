import { codeOf, dataOf } from '../../../support/harness';
import { messageScene } from '../message-scene';

describe('message.deliveryStats', () => {
  it('counts per kind what WeChat delivered, what stayed in the app and what failed', async () => {
    const s = await messageScene();
    await s.grant(s.admin, 'todo', 2);
    for (let i = 0; i < 4; i += 1) await s.notifyAdmin();
    s.wechat.answerNext(0, 40037);
    await s.drain();
    await s.notifyAdmin(); // not drained yet
    const { rows } = dataOf(await s.h.call('message', 'deliveryStats', {}, s.overseer));
    expect(rows.find((r) => r.kind === 'quota.changed')).toEqual({
      kind: 'quota.changed',
      label: '名额调整',
      audience: 'cadre',
      sent: 2, // the grant the 40037 did not spend serves the next message
      inAppOnly: 1,
      failed: 1,
      pending: 1,
    });
    expect(rows.find((r) => r.kind === 'nomination.reviewed')).toEqual(
      expect.objectContaining({ sent: 0, inAppOnly: 0, failed: 0, pending: 0 }),
    );
    expect(codeOf(await s.h.call('message', 'deliveryStats', {}, s.youth))).toBe('AUTH.FORBIDDEN');
  });
});
