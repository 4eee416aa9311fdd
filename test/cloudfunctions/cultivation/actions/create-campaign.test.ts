import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.createCampaign', () => {
  it('the city opens a campaign with criteria and a closing date; audited', async () => {
    const s = await scene();
    const c = dataOf(
      await s.f.h.call(
        'cultivation',
        'createCampaign',
        { name: '优秀共青团员', politicalStatuses: ['league_member'], maxAge: 28, closingDate: '2027-04-30' },
        s.city,
      ),
    );
    expect(c).toMatchObject({
      name: '优秀共青团员',
      criteria: '政治面貌：共青团员 · 截至2027年4月30日不超过28周岁',
      closingDate: '2027-04-30',
    });
    expect(await s.f.h.deps.store.collection('audit').count({ action: 'cultivation.createCampaign' })).toBe(1);
  });

  it('refuses a closing date already past, a district, and a long name', async () => {
    const s = await scene();
    const call = (closingDate: string, who = s.city, name = '青年岗位能手') =>
      s.f.h.call('cultivation', 'createCampaign', { name, politicalStatuses: [], closingDate }, who);
    expect(codeOf(await call('2026-11-23'))).toBe('CULTIVATION.CLOSED');
    expect(codeOf(await call('2027-01-01', s.keqiaoAdmin))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await call('2027-01-01', s.city, '这是一个特别特别特别特别特别特别长的评选名称'))).toBe(
      'INPUT.INVALID',
    );
    dataOf(await call('2026-11-24'));
  });
});
