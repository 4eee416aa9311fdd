import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.candidates', () => {
  it('lists the admins of the city or a district by name, in scope, and setHandlers takes them', async () => {
    const s = await scene();
    const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name).sort();
    const district = dataOf(await s.f.h.call('services', 'candidates', { orgId: 'yuecheng' }, s.districtAdmin));
    expect(names(district)).toEqual(['孙副书记', '赵书记', '钱干事'].sort());
    expect(Object.keys(district[0]).sort()).toEqual(['name', 'openid']);
    expect(names(dataOf(await s.f.h.call('services', 'candidates', { orgId: s.f.city._id }, s.city)))).toEqual(
      ['吴处长', '周部长'].sort(),
    );
    // The city sees a district's admins; a district neither the city's nor another district's.
    expect(dataOf(await s.f.h.call('services', 'candidates', { orgId: 'yuecheng' }, s.city))).toHaveLength(3);
    expect(codeOf(await s.f.h.call('services', 'candidates', { orgId: s.f.city._id }, s.housing))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    await s.f.district('keqiao');
    expect(codeOf(await s.f.h.call('services', 'candidates', { orgId: 'keqiao' }, s.housing))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const unit = await s.f.unit({ district: 'yuecheng' });
    expect(codeOf(await s.f.h.call('services', 'candidates', { orgId: unit._id }, s.city))).toBe('ORG.NOT_FOUND');
    expect(codeOf(await s.f.h.call('services', 'candidates', { orgId: 'yuecheng' }, s.youth))).toBe('AUTH.FORBIDDEN');
    const openids = district.map((c) => c.openid);
    const saved = dataOf(
      await s.f.h.call('services', 'setHandlers', { typeId: 'skills', orgId: 'yuecheng', openids }, s.districtAdmin),
    );
    expect(saved.handlers).toHaveLength(3);
  });
});
