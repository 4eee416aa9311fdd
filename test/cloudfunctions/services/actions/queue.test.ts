import { dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.queue', () => {
  it('a handler’s queue: only the types they handle there, overdue first, filters by type, state and district', async () => {
    const s = await scene();
    const first = await s.submitHousing();
    s.f.h.setNow(new Date('2026-11-27T10:00:00+08:00')); // Friday: the first is overdue for acceptance
    const second = await s.submitHousing(s.other);
    await s.submitChildren();
    const q = dataOf(await s.f.h.call('services', 'queue', {}, s.housing));
    expect(q.items.map((r) => [r.id, r.overdue])).toEqual([
      [first, true],
      [second, false],
    ]);
    expect(q).toMatchObject({ total: 2, overdue: 1 });
    expect(q.items[0].summary).toContain('租房');
    expect(dataOf(await s.f.h.call('services', 'queue', {}, s.children)).total).toBe(1);
    expect(dataOf(await s.f.h.call('services', 'queue', {}, s.districtAdmin)).total).toBe(0);
    expect(dataOf(await s.f.h.call('services', 'queue', { typeId: 'children' }, s.housing)).total).toBe(0);
    expect(dataOf(await s.f.h.call('services', 'queue', { districtId: 'keqiao' }, s.housing)).total).toBe(0);
    dataOf(await s.f.h.call('services', 'accept', { requestId: second }, s.housing));
    expect(
      dataOf(await s.f.h.call('services', 'queue', { status: 'accepted' }, s.housing)).items.map((r) => r.id),
    ).toEqual([second]);
    expect(dataOf(await s.f.h.call('services', 'queue', { status: 'open' }, s.housing)).total).toBe(2);
    // Before escalation the city's housing handler has nothing of the district's.
    expect(dataOf(await s.f.h.call('services', 'queue', { typeId: 'housing' }, s.city)).total).toBe(0);
  });

  it('pages of 20 (at most 50)', async () => {
    const s = await scene();
    for (let i = 0; i < 5; i += 1) await s.submitHousing();
    for (let i = 0; i < 5; i += 1) await s.submitHousing(s.other);
    const p1 = dataOf(await s.f.h.call('services', 'queue', { pageSize: 4 }, s.housing));
    const p3 = dataOf(await s.f.h.call('services', 'queue', { pageSize: 4, page: 3 }, s.housing));
    expect([p1.items.length, p1.hasMore, p3.items.length, p3.hasMore]).toEqual([4, true, 2, false]);
  });
});
