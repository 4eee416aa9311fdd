import { codeOf, dataOf } from '../../../support/harness';
import { posting, scene, talk } from '../scene';

describe('cultivation.ledger', () => {
  it('lists the unit’s 好青年 with their facts, and narrows to the idle and to those without a recent talk', async () => {
    const s = await scene();
    const a = await s.selected(s.bank);
    const b = await s.selected(s.bank);
    const c = await s.selected(s.bank);
    await s.selected(s.mill);
    const record = (nominationId: string, measure: typeof posting) =>
      s.f.h.call('cultivation', 'recordMeasure', { nominationId, measure }, s.bankAdmin);
    dataOf(await record(a.id, talk));
    dataOf(await record(b.id, posting));
    dataOf(await record(c.id, { ...talk, startDate: '2025-10-01' })); // over a year ago
    const all = dataOf(await s.f.h.call('cultivation', 'ledger', {}, s.bankAdmin));
    expect(all.total).toBe(3);
    const row = (id: string) => all.items.find((r) => r.nominationId === id);
    expect(row(a.id)).toMatchObject({ measures: 1, talkedRecently: true, idle: false, unitName: '柯桥农商银行' });
    expect(row(b.id)).toMatchObject({ talkedRecently: false, idle: false, lastMeasure: '2026-03-01' });
    expect(row(c.id)).toMatchObject({ talkedRecently: false, idle: true });
    const idle = dataOf(await s.f.h.call('cultivation', 'ledger', { filter: 'idle' }, s.bankAdmin));
    expect(idle.items.map((r) => r.nominationId)).toEqual([c.id]);
    const noTalk = dataOf(await s.f.h.call('cultivation', 'ledger', { filter: 'noTalk' }, s.bankAdmin));
    expect(noTalk.items.map((r) => r.nominationId).sort()).toEqual([b.id, c.id].sort());
    expect(dataOf(await s.f.h.call('cultivation', 'ledger', {}, s.keqiaoAdmin)).total).toBe(4);
    expect(dataOf(await s.f.h.call('cultivation', 'ledger', { pageSize: 2 }, s.keqiaoAdmin)).hasMore).toBe(true);
  });

  it('refuses another district and a youth', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('cultivation', 'ledger', { districtId: 'keqiao' }, s.yuechengAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const y = await s.selected(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'ledger', {}, y))).toBe('AUTH.FORBIDDEN');
  });
});
