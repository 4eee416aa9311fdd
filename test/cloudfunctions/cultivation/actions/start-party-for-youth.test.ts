import { C, type PartyRecordDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.startPartyForYouth', () => {
  it('any active youth of the unit’s database: a record of its own, League membership as stated, 好青年 first', async () => {
    const s = await scene();
    const wang = s.f.person({ birthDate: '2000-03-01' }); // 26: the League route applies
    const good = await s.selected(s.bank);
    const ids = await s.registered(s.bank, s.bankAdmin, [wang, good]);
    const started = dataOf(
      await s.f.h.call(
        'cultivation',
        'startPartyForYouth',
        { youthId: ids[wang.name], date: '2026-09-01', leagueMember: true },
        s.bankAdmin,
      ),
    );
    expect(started).toMatchObject({ nominationId: ids[wang.name], stage: 'applicant', selected: false });
    expect(started).toMatchObject({ leagueMember: true, leagueRouteRequired: true });
    const doc = await s.f.h.deps.store.collection<PartyRecordDoc>(C.partyRecords).get(ids[wang.name]);
    expect(doc).toMatchObject({ source: 'registry', leagueMember: true, unitId: s.bank._id, name: wang.name });
    // A 好青年 picked from the database starts through their nomination.
    const viaNomination = dataOf(
      await s.f.h.call(
        'cultivation',
        'startPartyForYouth',
        { youthId: ids[good.name], date: '2026-09-02', leagueMember: false },
        s.bankAdmin,
      ),
    );
    expect(viaNomination).toMatchObject({ nominationId: good.id, selected: true, leagueMember: true });
    const list = dataOf(await s.f.h.call('cultivation', 'pipeline', {}, s.bankAdmin));
    expect(list.items.map((r) => [r.name, r.selected])).toEqual([
      [good.name, true],
      [wang.name, false],
    ]);
    expect(list.unitId).toBe(s.bank._id);
    // The steps go on from the pipeline: 推优 as a League member, then activist.
    const step = (event: 'recommend' | 'activate', date: string) =>
      s.f.h.call(
        'cultivation',
        'advanceParty',
        { nominationId: ids[wang.name], event, date, leagueOrg: '柯桥农商银行团委' },
        s.bankAdmin,
      );
    dataOf(await step('recommend', '2026-10-01'));
    expect(dataOf(await step('activate', '2026-11-01')).stage).toBe('activist');
    const timeline = dataOf(await s.f.h.call('cultivation', 'timeline', { nominationId: ids[wang.name] }, s.bankAdmin));
    expect(timeline).toMatchObject({ partyOnly: true, canManage: true, measures: [], reserve: null });
    expect(timeline.party?.steps.map((x) => x.event)).toEqual(['apply', 'recommend', 'activate']);
  });

  it('a youth stated not to be a League member, aged 28 or under, cannot be recommended', async () => {
    const s = await scene();
    const p = s.f.person({ birthDate: '2000-03-01' });
    const ids = await s.registered(s.bank, s.bankAdmin, [p]);
    const input = { youthId: ids[p.name], date: '2026-09-01', leagueMember: false };
    dataOf(await s.f.h.call('cultivation', 'startPartyForYouth', input, s.bankAdmin));
    const recommend = { nominationId: ids[p.name], event: 'recommend', date: '2026-10-01', leagueOrg: '团委' } as const;
    expect(codeOf(await s.f.h.call('cultivation', 'advanceParty', recommend, s.bankAdmin))).toBe(
      'CULTIVATION.NOT_LEAGUE_MEMBER',
    );
    const activate = { nominationId: ids[p.name], event: 'activate', date: '2026-10-01' } as const;
    expect(codeOf(await s.f.h.call('cultivation', 'advanceParty', activate, s.bankAdmin))).toBe(
      'CULTIVATION.NOT_LEAGUE_MEMBER',
    );
  });

  it('refuses another unit’s youth, an alumnus, a second record of one person, a future date; writes nothing', async () => {
    const s = await scene();
    const [a, b] = [s.f.person(), s.f.person()];
    const ids = await s.registered(s.bank, s.bankAdmin, [a, b]);
    const start = (youthId: string, who = s.bankAdmin, date = '2026-09-01') =>
      s.f.h.call('cultivation', 'startPartyForYouth', { youthId, date, leagueMember: true }, who);
    dataOf(await s.f.h.call('registry', 'leave', { youthId: ids[b.name], reason: '已调离本单位' }, s.bankAdmin));
    const before = await s.f.h.snapshot();
    expect(codeOf(await start(ids[a.name], s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await start(ids[b.name]))).toBe('YOUTH.INVALID_STATE');
    expect(codeOf(await start(ids[a.name], s.bankAdmin, '2099-01-01'))).toBe('CULTIVATION.FUTURE_DATE');
    expect(codeOf(await start('nobody-here'))).toBe('CULTIVATION.NOT_FOUND');
    expect(await s.f.h.snapshot()).toEqual(before);
    dataOf(await start(ids[a.name]));
    const again = await s.f.h.snapshot();
    expect(codeOf(await start(ids[a.name], s.keqiaoAdmin))).toBe('CULTIVATION.PARTY_EXISTS');
    expect(await s.f.h.snapshot()).toEqual(again);
  });

  it('one record per person: a nomination’s record and the database’s cannot both start', async () => {
    const s = await scene();
    const good = await s.selected(s.bank);
    const ids = await s.registered(s.bank, s.bankAdmin, [good]);
    dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: good.id, date: '2026-09-01' }, s.bankAdmin));
    // The database path finds the same person by the keyed ID hash, whichever id the record has.
    expect(
      codeOf(
        await s.f.h.call(
          'cultivation',
          'startPartyForYouth',
          { youthId: ids[good.name], date: '2026-09-01', leagueMember: true },
          s.bankAdmin,
        ),
      ),
    ).toBe('CULTIVATION.PARTY_EXISTS');
    expect(await s.f.h.deps.store.collection('partyRecords').count({})).toBe(1);
  });
});
