import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.dashboard', () => {
  it('per type and district: volume, times to accept and resolve, overdue share, satisfaction', async () => {
    const s = await scene();
    const a = await s.submitHousing();
    const b = await s.submitHousing(s.other);
    await s.submitChildren();
    s.f.h.setNow(new Date('2026-11-24T12:00:00+08:00'));
    dataOf(await s.f.h.call('services', 'accept', { requestId: a }, s.housing));
    s.f.h.setNow(new Date('2026-11-25T10:00:00+08:00'));
    dataOf(await s.f.h.call('services', 'resolve', { requestId: a, text: '已安排人才公寓' }, s.housing));
    dataOf(await s.f.h.call('services', 'confirm', { requestId: a, rating: 4 }, s.youth));
    s.f.h.setNow(new Date('2026-11-27T10:00:00+08:00')); // b not accepted within a working day
    const city = dataOf(await s.f.h.call('services', 'dashboard', {}, s.cityAdmin));
    expect(city.scopeName).toBe('绍兴市');
    expect(city.total).toMatchObject({
      volume: 3,
      open: 2,
      acceptMedianH: 2,
      resolveMedianH: 24,
      satisfaction: 4,
      rated: 1,
    });
    expect(city.byType.find((r) => r.key === 'housing')).toMatchObject({ volume: 2, open: 1, overduePct: 50 });
    expect(city.byDistrict.find((r) => r.key === 'yuecheng')).toMatchObject({ label: '越城区', volume: 3 });
    const district = dataOf(await s.f.h.call('services', 'dashboard', {}, s.districtAdmin));
    expect(district.byDistrict.map((r) => r.label)).toEqual(['越城区']);
    expect(district.total.volume).toBe(3);
    expect(b).toBeTruthy();
  });

  it('a district admin cannot look at another district', async () => {
    const s = await scene();
    await s.f.district('keqiao');
    expect(codeOf(await s.f.h.call('services', 'dashboard', { districtId: 'keqiao' }, s.districtAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
