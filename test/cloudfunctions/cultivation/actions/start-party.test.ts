import type { PartyRecordDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.startParty', () => {
  it('records the application with its date; the record carries the 28th birthday from the ID number', async () => {
    const s = await scene();
    const y = await s.selected(s.bank, { birthDate: '1999-03-15' });
    const p = dataOf(
      await s.f.h.call('cultivation', 'startParty', { nominationId: y.id, date: '2026-04-01' }, s.bankAdmin),
    );
    expect(p).toMatchObject({
      stage: 'applicant',
      selected: true,
      age: 27,
      leagueBirthday: '2027-03-15',
      leagueRouteRequired: true,
      leagueMember: true,
      next: [
        { event: 'recommend', label: '团组织推优' },
        { event: 'activate', label: '确定为入党积极分子' },
      ],
    });
    expect(p.steps).toEqual([
      { event: 'apply', label: '提交入党申请', date: '2026-04-01', leagueOrg: null, byName: expect.any(String) },
    ]);
    const doc = await s.f.h.deps.store.collection<PartyRecordDoc>('partyRecords').get(y.id);
    expect(doc).toMatchObject({ birthDate: '1999-03-15', leagueBirthday: '2027-03-15', status: 'applicant' });
  });

  it('a youth who is not a 好青年 may start too, not first in the pipeline', async () => {
    const s = await scene();
    const n = await s.f.nomination(s.bank, { status: 'rejected', comment: '事迹不够突出典型' });
    expect(
      dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: n.id, date: '2026-04-01' }, s.bankAdmin))
        .selected,
    ).toBe(false);
  });

  it('refuses twice, a future date, another unit and an unknown youth', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const call = (date: string, who = s.bankAdmin, nominationId = y.id) =>
      s.f.h.call('cultivation', 'startParty', { nominationId, date }, who);
    expect(codeOf(await call('2026-11-25'))).toBe('CULTIVATION.FUTURE_DATE');
    expect(codeOf(await call('2026-04-01', s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call('2026-04-01', s.bankAdmin, 'nobody'))).toBe('CULTIVATION.NOT_FOUND');
    dataOf(await call('2026-04-01'));
    expect(codeOf(await call('2026-04-02'))).toBe('CULTIVATION.PARTY_EXISTS');
  });
});
