import { codeOf, dataOf } from '../../../support/harness';
import { posting, scene, talk, training } from '../scene';

describe('cultivation.shortlist', () => {
  it('the 好青年 in scope who meet the criteria, ranked by their cultivation record', async () => {
    const s = await scene();
    const c = dataOf(
      await s.f.h.call(
        'cultivation',
        'createCampaign',
        { name: '优秀共青团员', politicalStatuses: ['league_member'], maxAge: 30, closingDate: '2027-04-30' },
        s.city,
      ),
    );
    const busy = await s.selected(s.bank, { birthDate: '1998-01-01' });
    const quiet = await s.selected(s.bank, { birthDate: '1999-01-01' });
    await s.selected(s.bank, { birthDate: '1996-01-01' }); // 31 on the closing date
    await s.selected(s.bank, { birthDate: '1999-01-01', form: { politicalStatus: 'cpc_member' } });
    await s.selected(s.school, { birthDate: '1999-01-01' }); // another district
    for (const measure of [talk, posting, training])
      dataOf(await s.f.h.call('cultivation', 'recordMeasure', { nominationId: busy.id, measure }, s.bankAdmin));
    dataOf(await s.f.h.call('cultivation', 'addMeasure', training, quiet)); // pending: does not count
    const list = dataOf(await s.f.h.call('cultivation', 'shortlist', { campaignId: c.id }, s.keqiaoAdmin));
    expect(list.items.map((r) => [r.nominationId, r.score, r.age])).toEqual([
      [busy.id, 4, 29],
      [quiet.id, 0, 28],
    ]);
    expect(list.items[0]).toMatchObject({ politicalStatus: '共青团员', unitName: '柯桥农商银行', measures: 3 });
    expect(list.campaign.name).toBe('优秀共青团员');
    expect(dataOf(await s.f.h.call('cultivation', 'shortlist', { campaignId: c.id }, s.city)).total).toBe(3);
  });

  it('refuses an unknown campaign and a scope outside the caller’s', async () => {
    const s = await scene();
    const c = dataOf(
      await s.f.h.call(
        'cultivation',
        'createCampaign',
        { name: '青年岗位能手', politicalStatuses: [], closingDate: '2027-01-01' },
        s.city,
      ),
    );
    expect(codeOf(await s.f.h.call('cultivation', 'shortlist', { campaignId: 'nothing' }, s.bankAdmin))).toBe(
      'CULTIVATION.NOT_FOUND',
    );
    expect(
      codeOf(await s.f.h.call('cultivation', 'shortlist', { campaignId: c.id, unitId: s.school._id }, s.bankAdmin)),
    ).toBe('AUTH.OUT_OF_SCOPE');
  });
});
