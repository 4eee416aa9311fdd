import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.campaigns', () => {
  it('lists the campaigns still open, soonest first; a closed one leaves the list', async () => {
    const s = await scene();
    for (const [name, closingDate] of [
      ['青年五四奖章', '2027-04-30'],
      ['青年岗位能手', '2026-11-24'],
    ])
      dataOf(await s.f.h.call('cultivation', 'createCampaign', { name, politicalStatuses: [], closingDate }, s.city));
    expect(dataOf(await s.f.h.call('cultivation', 'campaigns', {}, s.bankAdmin)).map((c) => c.name)).toEqual([
      '青年岗位能手',
      '青年五四奖章',
    ]);
    s.f.h.setNow(new Date('2026-11-25T00:00:00+08:00'));
    expect(dataOf(await s.f.h.call('cultivation', 'campaigns', {}, s.keqiaoAdmin)).map((c) => c.name)).toEqual([
      '青年五四奖章',
    ]);
    const y = await s.selected(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'campaigns', {}, y))).toBe('AUTH.FORBIDDEN');
  });
});
