import { dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.coverage', () => {
  it('per district for the city, per unit for a district: people and hours', async () => {
    const s = await scene();
    const n = await s.f.nomination(await s.f.unit({ district: 'yuecheng' }), { youth: s.youth, status: 'approved' });
    dataOf(await s.f.h.call('services', 'recordVolunteering', { name: '青年志愿者协会', hours: 8 }, s.youth));
    dataOf(await s.f.h.call('services', 'recordVolunteering', { name: '社区服务队', hours: 4.5 }, s.youth));
    dataOf(await s.f.h.call('services', 'recordVolunteering', { name: '社区服务队', hours: 2 }, s.other));
    dataOf(
      await s.f.h.call('services', 'recordCoverage', { nominationId: n.id, kind: 'insurance', name: '意外险' }, s.city),
    );
    const city = dataOf(await s.f.h.call('services', 'coverage', {}, s.city));
    expect(city.rows[0]).toEqual({
      key: 'total',
      label: '全市',
      youths: 2,
      volunteers: 2,
      hours: 14.5,
      insured: 1,
      credit: 0,
    });
    expect(city.rows.find((r) => r.key === 'yuecheng')).toMatchObject({ youths: 2, hours: 14.5 });
    const district = dataOf(await s.f.h.call('services', 'coverage', {}, s.districtAdmin));
    // The insurance was recorded on the record's unit, the volunteering on the unit the youths are bound to.
    expect(district.rows.map((r) => [r.label.replace(/\d+$/, ''), r.youths, r.insured])).toEqual([
      ['越城区', 2, 1],
      ['越城区智造科技有限公司', 2, 0],
      ['越城区测试单位', 1, 1],
    ]);
  });
});
