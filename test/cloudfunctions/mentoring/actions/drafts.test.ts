import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.drafts', () => {
  it('lists the scope’s drafts, weakest first, with the youth’s goals, paged', async () => {
    const s = await scene();
    await s.mentor({ districtId: 'keqiao', capacity: 5, expertise: ['数字化改革'] });
    await s.selected(s.bank, { sector: 'finance', goals: ['数字化改革'] });
    await s.selected(s.school, { sector: 'education', goals: ['乡村振兴'] });
    dataOf(await s.f.h.call('mentoring', 'batchMatch', {}, s.city));
    const page = dataOf(await s.f.h.call('mentoring', 'drafts', { pageSize: 1 }, s.city));
    expect(page).toMatchObject({ total: 2, hasMore: true });
    expect(page.items[0]).toMatchObject({ score: 0, explanation: '无共同领域，可跨界结对', goals: ['乡村振兴'] });
    const own = dataOf(await s.f.h.call('mentoring', 'drafts', {}, s.yuechengAdmin));
    expect(own.items.map((d) => d.unitName)).toEqual(['越城区实验中学']);
    expect(codeOf(await s.f.h.call('mentoring', 'drafts', { districtId: 'keqiao' }, s.yuechengAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
