import { fixture, type Fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

/** A district's units: two must-cover with a place, a bank without youths, a 两新 company and a society. */
async function scene(f: Fixture) {
  const d = await f.district('yuecheng');
  const gov = await f.unit({ name: '越城区人民政府办公室', category: 'party_gov', youthCount: 12, district: d });
  const invest = await f.unit({ name: '越城区城市建设投资集团有限公司', category: 'soe', youthCount: 45, district: d });
  const bank = await f.unit({ name: '越城区农村商业银行', category: 'soe', youthCount: 0, district: d });
  const tech = await f.unit({ name: '越城区智造科技有限公司', category: 'two_new', youthCount: 39, district: d });
  const social = await f.unit({ name: '越城区青年志愿者协会', category: 'two_new', youthCount: 8, district: d });
  await f.admin('unitAdmin', gov);
  await f.admin('unitAdmin', tech);
  await f.nomination(gov, { status: 'approved' });
  await f.nomination(tech, { status: 'approved' });
  const district = await f.admin('districtAdmin', d);
  return { gov, invest, bank, tech, social, district };
}

describe('admin.units (the units behind a dashboard figure)', () => {
  it('lists the units behind each figure, consistent with the dashboard', async () => {
    const f = await fixture();
    const s = await scene(f);
    const names = async (show: Parameters<typeof f.h.call<'admin', 'units'>>[2]['show']) =>
      dataOf(await f.h.call('admin', 'units', { show }, s.district)).items.map((u) => u.name);
    expect(await names('uncovered')).toEqual(['越城区城市建设投资集团有限公司']);
    expect(await names('exempt')).toEqual(['越城区农村商业银行']);
    expect(await names('approved')).toEqual(['越城区人民政府办公室', '越城区智造科技有限公司']);
    expect(await names('twoNew')).toEqual(['越城区青年志愿者协会', '越城区智造科技有限公司']);
    // Units without an admin account: the district reviews for them and may invite one (issue 9 §2).
    expect(await names('noAdmin')).toEqual([
      '越城区城市建设投资集团有限公司',
      '越城区农村商业银行',
      '越城区青年志愿者协会',
    ]);
    const board = dataOf(await f.h.call('admin', 'dashboard', {}, s.district));
    expect(board.uncovered.map((u) => u.name)).toEqual(await names('uncovered'));
    expect(board.exempt.map((u) => u.name)).toEqual(await names('exempt'));
  });

  it('says which list each unit is filed in', async () => {
    const f = await fixture();
    const s = await scene(f);
    const admin = await f.admin('unitAdmin', s.gov);
    const filingId = `${f.period!._id}:unit:${s.gov._id}`;
    dataOf(await f.h.call('admin', 'file', { filingId }, admin));
    const filed = dataOf(await f.h.call('admin', 'units', { show: 'filed' }, s.district));
    expect(filed.items.map((u) => [u.name, u.filing, u.limit, u.approved, u.hasAdmin])).toEqual([
      ['越城区人民政府办公室', 'filed', 1, 1, true],
    ]);
    expect(dataOf(await f.h.call('admin', 'units', { show: 'unfiled' }, s.district)).total).toBe(4);
  });

  it('is scoped: another district is out of scope, and a unit admin may not ask', async () => {
    const f = await fixture();
    const s = await scene(f);
    await f.district('keqiao');
    expect(codeOf(await f.h.call('admin', 'units', { show: 'all', districtId: 'keqiao' }, s.district))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const unitAdmin = await f.admin('unitAdmin', s.tech);
    expect(codeOf(await f.h.call('admin', 'units', { show: 'all' }, unitAdmin))).toBe('AUTH.FORBIDDEN');
    const city = await f.admin('cityAdmin', f.city);
    expect(dataOf(await f.h.call('admin', 'units', { show: 'all', pageSize: 2 }, city))).toMatchObject({
      total: 5,
      hasMore: true,
    });
  });
});
