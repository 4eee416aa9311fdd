import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.reservePool', () => {
  it('a unit sees its own, the district and the city all of theirs, with counts and a status filter', async () => {
    const s = await scene();
    const a = await s.selected(s.bank);
    const b = await s.selected(s.mill);
    const c = await s.selected(s.school);
    for (const [y, who] of [
      [a, s.bankAdmin],
      [b, s.millAdmin],
      [c, s.schoolAdmin],
    ] as const)
      dataOf(
        await s.f.h.call('cultivation', 'nominateReserve', { nominationId: y.id, reason: '业务骨干，群众公认' }, who),
      );
    dataOf(
      await s.f.h.call(
        'cultivation',
        'decideReserve',
        { nominationId: a.id, event: 'admit', reason: '经研究纳入' },
        s.keqiaoAdmin,
      ),
    );
    expect(
      dataOf(await s.f.h.call('cultivation', 'reservePool', {}, s.bankAdmin)).items.map((r) => r.nominationId),
    ).toEqual([a.id]);
    const keqiao = dataOf(await s.f.h.call('cultivation', 'reservePool', {}, s.keqiaoAdmin));
    expect(keqiao.total).toBe(2);
    expect(keqiao.counts.filter((c2) => c2.count > 0).map((c2) => [c2.label, c2.count])).toEqual([
      ['已推荐', 1],
      ['入库', 1],
    ]);
    const pool = dataOf(await s.f.h.call('cultivation', 'reservePool', { status: 'pool' }, s.city));
    expect(pool.items.map((r) => r.nominationId)).toEqual([a.id]);
    expect(dataOf(await s.f.h.call('cultivation', 'reservePool', {}, s.city)).total).toBe(3);
  });

  it('refuses a youth and another district', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'reservePool', {}, y))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await s.f.h.call('cultivation', 'reservePool', { districtId: 'keqiao' }, s.yuechengAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
