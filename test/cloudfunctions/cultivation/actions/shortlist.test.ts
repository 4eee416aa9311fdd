import type { Youth } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { uploadWorkbook } from '../../registry/import-scene';
import { posting, scene, talk, training, type Scene } from '../scene';

/**
 * The bank's youth list imported with these youths; each with a date states it as 任现岗位时间 in 我的数据 and the
 * bank approves it, as the pages do.
 */
async function postsSince(s: Scene, youths: Array<[Youth, string | null]>) {
  const rows = youths.map(([y]) => [y.name, y.idNumber, y.phone, '客户经理']);
  const fileId = await uploadWorkbook(s.f.h.deps, s.bankAdmin, 'youths', rows);
  dataOf(await s.f.h.call('registry', 'applyImport', { kind: 'youths', fileId }, s.bankAdmin));
  for (const [y, since] of youths) {
    if (since === null) continue;
    const mine = dataOf(
      await s.f.h.call('registry', 'confirmMine', { unitId: s.bank._id, post: '客户经理', postSince: since }, y),
    );
    expect(mine.record?.pendingChange).toMatchObject({ postSince: since });
    const id = mine.record?.id ?? '';
    const done = dataOf(await s.f.h.call('registry', 'decideChange', { youthId: id, approve: true }, s.bankAdmin));
    expect(done.postSince).toBe(since);
  }
}

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

  it('years in post: counted on the closing date from the youth record; no date, not on the list (and counted)', async () => {
    const s = await scene();
    const c = dataOf(
      await s.f.h.call(
        'cultivation',
        'createCampaign',
        { name: '青年岗位能手', politicalStatuses: [], minYearsInPost: 3, closingDate: '2027-04-30' },
        s.city,
      ),
    );
    expect(c).toMatchObject({ minYearsInPost: 3 });
    expect(c.criteria).toContain('任现岗位满3年（未登记任现岗位时间的不列入）');
    const long = await s.selected(s.bank);
    const anniversary = await s.selected(s.bank);
    const recent = await s.selected(s.bank);
    const undated = await s.selected(s.bank);
    await s.selected(s.bank); // no youth record at all
    await postsSince(s, [
      [long, '2020-03-01'],
      [anniversary, '2024-04-30'],
      [recent, '2024-05-01'],
      [undated, null],
    ]);
    const list = dataOf(await s.f.h.call('cultivation', 'shortlist', { campaignId: c.id }, s.bankAdmin));
    expect(list.items.map((r) => [r.nominationId, r.yearsInPost]).sort()).toEqual(
      [
        [long.id, 7],
        [anniversary.id, 3],
      ].sort(),
    );
    expect(list.missingPostSince).toBe(2);
    // The form follows the same rule, and prints the date.
    const form = (nominationId: string) =>
      s.f.h.call('cultivation', 'campaignForm', { campaignId: c.id, nominationId }, s.bankAdmin);
    expect(codeOf(await form(undated.id))).toBe('CULTIVATION.NOT_ELIGIBLE');
    expect(codeOf(await form(recent.id))).toBe('CULTIVATION.NOT_ELIGIBLE');
    expect(dataOf(await form(anniversary.id)).fileName).toContain(anniversary.name);
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
