import { codeOf, dataOf, TIMER } from '../../../support/harness';
import { pairScene } from '../pair-scene';

const DAY = 86400000;

describe('mentoring.remindCycles', () => {
  it('reminds the owner of an overdue step once, then tells the unit after a second period, once', async () => {
    const p = await pairScene();
    const { f, s, mentor } = p;
    const unitAdmin = await f.admin('unitAdmin', s.bank);
    await p.signBoth();
    const start = f.h.deps.clock();
    const run = async (days: number) => {
      f.h.setNow(new Date(start.getTime() + days * DAY));
      return dataOf(await f.h.call('mentoring', 'remindCycles', {}, TIMER));
    };
    const count = (to: string) => f.h.deps.store.collection('outbox').count({ toOpenid: to, title: '培养环节已逾期' });
    expect(await run(5)).toEqual({ reminded: 0, escalated: 0 });
    expect(await run(7)).toEqual({ reminded: 1, escalated: 0 });
    expect(await run(8)).toEqual({ reminded: 0, escalated: 0 });
    expect(await count(mentor.openid)).toBe(1);
    expect(await count(unitAdmin.openid)).toBe(0);
    expect(await run(13)).toEqual({ reminded: 0, escalated: 1 });
    expect(await run(14)).toEqual({ reminded: 0, escalated: 0 });
    expect(await count(unitAdmin.openid)).toBe(1);
    expect(codeOf(await f.h.call('mentoring', 'remindCycles', {}, mentor))).toBe('AUTH.FORBIDDEN');
  });
});
