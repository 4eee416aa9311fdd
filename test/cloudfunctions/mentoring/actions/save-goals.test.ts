import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.saveGoals', () => {
  it('a selected youth states sector and goals; others are told they are not selected', async () => {
    const s = await scene();
    const y = await s.selected(s.bank, { goals: [] });
    const saved = dataOf(
      await s.f.h.call(
        'mentoring',
        'saveGoals',
        { sector: 'digital', goals: ['科技创新', '创新创业'], note: '想做产品' },
        y,
      ),
    );
    expect(saved).toMatchObject({
      selected: true,
      sector: 'digital',
      goals: ['科技创新', '创新创业'],
      note: '想做产品',
    });
    const other = await s.f.youth(s.bank);
    await s.f.nomination(s.bank, { youth: other }); // submitted, not approved
    expect(codeOf(await s.f.h.call('mentoring', 'saveGoals', { sector: 'digital', goals: ['科技创新'] }, other))).toBe(
      'MENTORING.NOT_SELECTED',
    );
    expect(codeOf(await s.f.h.call('mentoring', 'saveGoals', { sector: 'digital', goals: ['炼金术'] }, y))).toBe(
      'MENTORING.UNKNOWN_EXPERTISE',
    );
    expect(
      codeOf(
        await s.f.h.call(
          'mentoring',
          'saveGoals',
          { sector: 'digital', goals: ['科技创新', '创新创业', '乡村振兴', '基层治理'] },
          y,
        ),
      ),
    ).toBe('INPUT.INVALID');
  });
});
