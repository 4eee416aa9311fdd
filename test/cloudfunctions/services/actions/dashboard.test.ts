import type { ServiceRequestDoc } from '../../../../cloudfunctions/_lib/collections';
import { DASHBOARD_MAX } from '../../../../cloudfunctions/services/src/actions/dashboard';
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

  it('reads a bounded window: the last 365 days, at most the newest DASHBOARD_MAX requests, and says so', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    const col = s.f.h.deps.store.collection<ServiceRequestDoc>('serviceRequests');
    const template = await s.request(id);
    const at = (daysAgo: number) => new Date(template.submittedAt.getTime() - daysAgo * 86_400_000);
    // A request from more than a year ago is not counted.
    await col.insert({ ...template, _id: 'old-one', submittedAt: at(400) });
    const recent = dataOf(await s.f.h.call('services', 'dashboard', {}, s.cityAdmin));
    expect(recent).toMatchObject({ total: { volume: 1 }, since: '2025-11-24', capped: false });
    // More than the cap in the window: the newest count, and the page is told.
    for (let i = 0; i < DASHBOARD_MAX; i += 1) await col.insert({ ...template, _id: `bulk-${i}`, submittedAt: at(1) });
    const capped = dataOf(await s.f.h.call('services', 'dashboard', {}, s.districtAdmin));
    expect(capped).toMatchObject({ total: { volume: DASHBOARD_MAX }, capped: true });
  });
});
