import type { MeOutput, PeriodView, UnitView } from '../../miniprogram/core/contracts/account';
import type { Paged } from '../../miniprogram/core/contracts/common';
import { dataOf, makeHarness, type Harness } from '../support/harness';

describe('account: organisations, binding, invitations', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness({ bootstrapCityAdmins: ['first-city-admin'] });
  });

  it('lists the city-level group and the six districts/counties', async () => {
    const list = dataOf<Array<{ _id: string; name: string }>>(await h.call('account', 'listDistricts', {}, null));
    expect(list.map((d) => d.name)).toEqual(['市级单位', '越城区', '柯桥区', '上虞区', '诸暨市', '嵊州市', '新昌县']);
  });

  it('lists units of a district with paging and keyword search', async () => {
    const page1 = dataOf<Paged<UnitView>>(
      await h.call('account', 'listUnits', { districtId: 'keqiao', pageSize: 5 }, null),
    );
    expect(page1).toEqual(expect.objectContaining({ total: 7, hasMore: true }));
    expect(page1.items).toHaveLength(5);
    const search = dataOf<Paged<UnitView>>(
      await h.call('account', 'listUnits', { districtId: 'keqiao', keyword: '银行' }, null),
    );
    expect(search.items.map((u) => u.name)).toEqual(['柯桥区农村商业银行']);
    const regexInjection = dataOf<Paged<UnitView>>(
      await h.call('account', 'listUnits', { districtId: 'keqiao', keyword: '.*' }, null),
    );
    expect(regexInjection.total).toBe(0);
  });

  it('the current period is open today with the R1.2 rules', async () => {
    const period = dataOf<PeriodView>(await h.call('account', 'currentPeriod', {}, null));
    expect(period).toEqual(
      expect.objectContaining({
        window: 'open',
        cutoffBirthDate: '1992-06-01',
        quotaRatio: 20,
        partyAgeLimit: 28,
        target: 1000,
        nominationDeadline: '2027-07-31T15:59:59.999Z',
      }),
    );
  });

  it('a new user binds to a unit and becomes a youth', async () => {
    const me = dataOf<MeOutput>(
      await h.call('account', 'bindUnit', { unitId: 'shangyu-invest', displayName: '孙小青' }, 'newbie'),
    );
    expect(me).toEqual(
      expect.objectContaining({
        registered: true,
        displayName: '孙小青',
        unit: { id: 'shangyu-invest', name: '上虞区城市建设投资集团有限公司', districtName: '上虞区' },
      }),
    );
  });

  it.each([
    ['nope', 'ORG.NOT_FOUND'],
    ['keqiao', 'ORG.NOT_A_UNIT'],
  ])('binding to %s → %s', async (unitId, code) => {
    const res = await h.call('account', 'bindUnit', { unitId, displayName: 'x' }, 'newbie');
    expect(res).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) }));
  });

  it('the bootstrapped city admin invites a district admin, who invites a unit admin of its own district only', async () => {
    const invite = dataOf<{ code: string }>(
      await h.call('account', 'issueInvite', { role: 'districtAdmin', orgId: 'zhuji' }, 'first-city-admin'),
    );
    expect(invite.code).toMatch(/^[A-Z0-9]{8}$/);
    const me = dataOf<MeOutput>(
      await h.call('account', 'redeemInvite', { code: invite.code, displayName: '钱书记' }, 'zhuji-cadre'),
    );
    expect(me.roles).toEqual([{ role: 'districtAdmin', orgId: 'zhuji', orgName: '诸暨市' }]);

    const reused = await h.call('account', 'redeemInvite', { code: invite.code, displayName: '别人' }, 'someone-else');
    expect(reused).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INVITE.USED' }) }),
    );

    const own = await h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: 'zhuji-tech' }, 'zhuji-cadre');
    expect(own.ok).toBe(true);
    const foreign = await h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: 'keqiao-tech' }, 'zhuji-cadre');
    expect(foreign).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }) }),
    );
    const upward = await h.call('account', 'issueInvite', { role: 'cityAdmin', orgId: 'city' }, 'zhuji-cadre');
    expect(upward).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) }),
    );
  });

  it('an invitation expires after seven days', async () => {
    const invite = dataOf<{ code: string }>(
      await h.call('account', 'issueInvite', { role: 'mentor', orgId: 'city' }, 'first-city-admin'),
    );
    h.setNow(new Date(h.deps.clock().getTime() + 8 * 86_400_000));
    const res = await h.call('account', 'redeemInvite', { code: invite.code, displayName: '王导师' }, 'late');
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INVITE.EXPIRED' }) }),
    );
  });
});
