import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.timeline', () => {
  it('shows each side its cycles (what it owes, due when) and the meetings; a covering admin reads it too', async () => {
    const p = await pairScene();
    const { f, s, mentor, youth, agreementId } = p;
    expect(dataOf(await f.h.call('mentoring', 'timeline', { agreementId }, youth)).cycles).toEqual([]);
    await p.signBoth();
    const m = dataOf(await f.h.call('mentoring', 'timeline', { agreementId }, mentor));
    expect(m.cycles[0]).toMatchObject({ n: 1, stepLabel: '布置学习任务', owner: 'mentor', mine: true, overdue: false });
    expect(m.cycles[0]?.dueAt).toBe(new Date(f.h.deps.clock().getTime() + 6 * 86400000).toISOString());
    expect(dataOf(await f.h.call('mentoring', 'timeline', { agreementId }, youth)).cycles[0]?.mine).toBe(false);
    expect(dataOf(await f.h.call('mentoring', 'timeline', { agreementId }, s.keqiaoAdmin)).cycles).toHaveLength(1);
    expect(codeOf(await f.h.call('mentoring', 'timeline', { agreementId }, s.yuechengAdmin))).toBe(
      'MENTORING.NOT_FOUND',
    );
  });
});
