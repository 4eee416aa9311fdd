import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.pipeline', () => {
  it('lists a unit’s and a district’s pipeline with the 好青年 first, counts by stage, and filters a stage', async () => {
    const s = await scene();
    const plain = await s.f.nomination(s.bank, { status: 'rejected', comment: '事迹不够突出典型' });
    const good = await s.selected(s.bank);
    const other = await s.selected(s.mill);
    for (const [id, who] of [
      [plain.id, s.bankAdmin],
      [good.id, s.bankAdmin],
      [other.id, s.millAdmin],
    ] as const)
      dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: id, date: '2026-03-01' }, who));
    dataOf(
      await s.f.h.call(
        'cultivation',
        'advanceParty',
        { nominationId: plain.id, event: 'recommend', date: '2026-04-01', leagueOrg: '行团委' },
        s.bankAdmin,
      ),
    );
    const bank = dataOf(await s.f.h.call('cultivation', 'pipeline', {}, s.bankAdmin));
    expect(bank.items.map((p) => [p.nominationId, p.selected])).toEqual([
      [good.id, true],
      [plain.id, false],
    ]);
    expect(bank.counts.filter((c) => c.count > 0)).toEqual([
      { stage: 'applicant', label: '入党申请人', count: 1 },
      { stage: 'recommended', label: '已推优', count: 1 },
    ]);
    expect(bank.quota).toBeNull();
    const district = dataOf(await s.f.h.call('cultivation', 'pipeline', {}, s.keqiaoAdmin));
    expect(district.total).toBe(3);
    expect(district.items.slice(0, 2).every((p) => p.selected)).toBe(true);
    const recommended = dataOf(await s.f.h.call('cultivation', 'pipeline', { stage: 'recommended' }, s.city));
    expect(recommended.items.map((p) => p.nominationId)).toEqual([plain.id]);
  });

  it('refuses a youth and a district outside the caller’s scope', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'pipeline', {}, y))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await s.f.h.call('cultivation', 'pipeline', { districtId: 'yuecheng' }, s.keqiaoAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
