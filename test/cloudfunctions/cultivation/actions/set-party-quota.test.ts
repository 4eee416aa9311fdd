import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.setPartyQuota', () => {
  it('the district sets a unit’s separate quota for a year with a reason, and changes it; audited', async () => {
    const s = await scene();
    const call = (limit: number, who = s.keqiaoAdmin) =>
      s.f.h.call(
        'cultivation',
        'setPartyQuota',
        { unitId: s.bank._id, year: 2026, limit, reason: '区委组织部单列名额' },
        who,
      );
    expect(dataOf(await call(2))).toEqual({ year: 2026, limit: 2, used: 0 });
    expect(dataOf(await call(3, s.city))).toEqual({ year: 2026, limit: 3, used: 0 });
    const pipeline = dataOf(await s.f.h.call('cultivation', 'pipeline', {}, s.bankAdmin));
    expect(pipeline.quota).toEqual({ year: 2026, limit: 3, used: 0 });
    expect(await s.f.h.deps.store.collection('audit').count({ action: 'cultivation.setPartyQuota' })).toBe(2);
  });

  it('never below the places used; refuses a unit admin, another district, a district, no reason', async () => {
    const s = await scene();
    const call = (input: { unitId: string; limit: number; reason: string }, who = s.keqiaoAdmin) =>
      s.f.h.call('cultivation', 'setPartyQuota', { year: 2026, ...input }, who);
    dataOf(await call({ unitId: s.bank._id, limit: 1, reason: '区委组织部单列名额' }));
    const y = await s.selected(s.bank);
    dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: y.id, date: '2026-03-01' }, s.bankAdmin));
    dataOf(
      await s.f.h.call(
        'cultivation',
        'advanceParty',
        { nominationId: y.id, event: 'recommend', date: '2026-04-01', leagueOrg: '行团委' },
        s.bankAdmin,
      ),
    );
    expect(codeOf(await call({ unitId: s.bank._id, limit: 0, reason: '名额调整收回' }))).toBe(
      'CULTIVATION.QUOTA_BELOW_USED',
    );
    expect(codeOf(await call({ unitId: s.bank._id, limit: 3, reason: '名额调整' }, s.bankAdmin))).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(codeOf(await call({ unitId: s.bank._id, limit: 3, reason: '名额调整' }, s.yuechengAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await call({ unitId: 'keqiao', limit: 3, reason: '名额调整' }))).toBe('ORG.NOT_A_UNIT');
    expect(codeOf(await call({ unitId: 'nowhere', limit: 3, reason: '名额调整' }))).toBe('ORG.NOT_FOUND');
    expect(codeOf(await call({ unitId: s.bank._id, limit: 3, reason: '调' }))).toBe('INPUT.INVALID');
  });
});
