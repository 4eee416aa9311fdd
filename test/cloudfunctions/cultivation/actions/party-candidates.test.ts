import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.partyCandidates', () => {
  it('the unit’s active youths, the 好青年 first; each says whether a Party record exists', async () => {
    const s = await scene();
    const [a, b] = [s.f.person({ name: '艾青' }), s.f.person({ name: '白青' })];
    const good = await s.selected(s.bank);
    const ids = await s.registered(s.bank, s.bankAdmin, [a, b, good]);
    dataOf(await s.f.h.call('registry', 'leave', { youthId: ids[b.name], reason: '已调离本单位' }, s.bankAdmin));
    dataOf(
      await s.f.h.call(
        'cultivation',
        'startPartyForYouth',
        { youthId: ids[a.name], date: '2026-09-01', leagueMember: true },
        s.bankAdmin,
      ),
    );
    const list = dataOf(await s.f.h.call('cultivation', 'partyCandidates', {}, s.bankAdmin));
    expect(list.items.map((c) => [c.name, c.selected, c.recordId])).toEqual([
      [good.name, true, null],
      ['艾青', false, ids[a.name]],
    ]);
    expect(list.items[1]).toMatchObject({ post: '技术员', age: 30 });
    const found = dataOf(await s.f.h.call('cultivation', 'partyCandidates', { keyword: '艾' }, s.bankAdmin));
    expect(found.items.map((c) => c.name)).toEqual(['艾青']);
    // The district names the unit; another unit's admin may not.
    expect(codeOf(await s.f.h.call('cultivation', 'partyCandidates', {}, s.keqiaoAdmin))).toBe('ORG.NOT_A_UNIT');
    expect(
      dataOf(await s.f.h.call('cultivation', 'partyCandidates', { unitId: s.bank._id }, s.keqiaoAdmin)).total,
    ).toBe(2);
    expect(codeOf(await s.f.h.call('cultivation', 'partyCandidates', { unitId: s.bank._id }, s.millAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
