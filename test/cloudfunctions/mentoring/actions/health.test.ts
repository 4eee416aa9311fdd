import { codeOf, dataOf } from '../../../support/harness';
import { pairScene, runCycle } from '../pair-scene';

const DAY = 86400000;

describe('mentoring.health', () => {
  it('per mentor, unit and district: pairs, active, on time, quiet, ratings, and each pair’s health', async () => {
    const p = await pairScene();
    const { f, s } = p;
    const health = (who = s.city) => f.h.call('mentoring', 'health', {}, who);
    let h = dataOf(await health());
    expect(h.pairs).toMatchObject([{ health: 'too_early', healthLabel: '为时尚早' }]);
    await p.signBoth();
    await runCycle(p, 3);
    h = dataOf(await health());
    expect(h.pairs).toMatchObject([{ health: 'on_track', healthLabel: '进展良好' }]);
    expect(h.byMentor).toEqual([
      expect.objectContaining({ pairs: 1, active: 1, onTimePct: 100, quiet: 0, avgRating: 3, onTrack: 1 }),
    ]);
    expect(h.byUnit[0]).toMatchObject({ name: '柯桥农商银行', onTrack: 1 });
    expect(h.byDistrict[0]).toMatchObject({ key: 'keqiao', pairs: 1 });
    expect(dataOf(await health(s.keqiaoAdmin)).pairs).toHaveLength(1);
    expect(dataOf(await health(s.yuechengAdmin)).pairs).toHaveLength(0);

    // Five weeks without a step: gone quiet, needs attention.
    f.h.setNow(new Date(f.h.deps.clock().getTime() + 35 * DAY));
    h = dataOf(await health());
    expect(h.pairs[0]?.health).toBe('attention');
    expect(h.byMentor[0]).toMatchObject({ quiet: 1, attention: 1 });
    expect(codeOf(await health(p.mentor))).toBe('AUTH.FORBIDDEN');
  });
});
