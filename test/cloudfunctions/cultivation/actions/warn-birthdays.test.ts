import type { OutboxDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf, TIMER } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.warnBirthdays', () => {
  it('warns the unit of applicants whose 28th birthday is within 60 days, once; not the recommended or the past', async () => {
    const s = await scene();
    const start = async (birthDate: string) => {
      const y = await s.selected(s.bank, { birthDate });
      dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: y.id, date: '2026-03-01' }, s.bankAdmin));
      return y;
    };
    const soon = await start('1999-01-10'); // 28 on 2027-01-10: 47 days ahead
    await start('1999-03-01'); // 97 days ahead
    await start('1998-11-24'); // 28 today: too late to warn
    const recommended = await start('1999-01-05');
    dataOf(
      await s.f.h.call(
        'cultivation',
        'advanceParty',
        { nominationId: recommended.id, event: 'recommend', date: '2026-04-01', leagueOrg: '行团委' },
        s.bankAdmin,
      ),
    );
    const before = new Set((await s.f.h.deps.store.collection<OutboxDoc>('outbox').find({})).map((o) => o._id));
    expect(dataOf(await s.f.h.call('cultivation', 'warnBirthdays', {}, TIMER))).toEqual({ warned: 1 });
    const sent = (await s.f.h.deps.store.collection<OutboxDoc>('outbox').find({})).filter((o) => !before.has(o._id));
    expect(sent.map((o) => [o.toOpenid, o.title])).toEqual([[s.bankAdmin.openid, '28周岁前推优提醒']]);
    expect(sent[0].body).toContain(soon.name);
    expect(sent[0].body).toContain('2027年1月10日');
    expect(dataOf(await s.f.h.call('cultivation', 'warnBirthdays', {}, TIMER))).toEqual({ warned: 0 });
  });

  it('is the timer’s only: a person is refused', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('cultivation', 'warnBirthdays', {}, s.city))).toBe('AUTH.FORBIDDEN');
  });
});
