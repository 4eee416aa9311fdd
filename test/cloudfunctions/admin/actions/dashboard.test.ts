import { fixture, type Fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

/** A district's four must-cover units (R3.3: 机关 and 国企) and a two_new company, named like Shaoxing's. */
async function districtUnits(f: Fixture, id: string) {
  const d = await f.district(id);
  return {
    gov: await f.unit({ name: `${d.name}人民政府办公室`, category: 'party_gov', youthCount: 12, district: d }),
    market: await f.unit({ name: `${d.name}市场监督管理局`, category: 'party_gov', youthCount: 20, district: d }),
    invest: await f.unit({ name: `${d.name}城市建设投资集团有限公司`, category: 'soe', youthCount: 45, district: d }),
    bank: await f.unit({ name: `${d.name}农村商业银行`, category: 'soe', youthCount: 0, district: d }),
    tech: await f.unit({ name: `${d.name}智造科技有限公司`, category: 'two_new', youthCount: 39, district: d }),
  };
}

describe('admin.dashboard (R3.3, R3.4, R4.3)', () => {
  it('shows progress, uncovered must-cover units, two_new per district and the deadlines, scoped', async () => {
    const f = await fixture();
    const { h } = f;
    // City-level units: one of each must-cover category.
    await f.unit({ name: '绍兴市发展和改革委员会', category: 'party_gov', district: null });
    await f.unit({ name: '绍兴市交通投资集团有限公司', category: 'soe', district: null, youthCount: 240 });
    await f.unit({ name: '国网绍兴供电公司', category: 'central_soe', district: null, youthCount: 160 });
    const yuecheng = await districtUnits(f, 'yuecheng');
    await districtUnits(f, 'keqiao');
    await f.nomination(yuecheng.gov, { status: 'approved' });
    await f.nomination(yuecheng.tech, { status: 'approved' });
    const city = await f.admin('cityAdmin', f.city);
    const districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
    const unitAdmin = await f.admin('unitAdmin', yuecheng.tech);

    const overview = dataOf(await h.call('admin', 'dashboard', {}, city));
    expect(overview).toEqual(expect.objectContaining({ target: 1000, approved: 2, progressPercent: 0 }));
    // 3 city-level units + 2 districts × 3 must-cover units with a place, minus 越城区人民政府办公室 now covered;
    // the banks (0 youths, quota 0) cannot be covered and are listed apart (issue 9 §16, README Decisions).
    expect(overview.uncovered).toHaveLength(3 + 6 - 1);
    expect(overview.uncovered.map((u) => u.name)).not.toContain('越城区人民政府办公室');
    expect(overview.uncoveredByCategory).toEqual({ party_gov: 1 + 4 - 1, soe: 1 + 2, central_soe: 1 });
    expect(overview.exempt.map((u) => u.name)).toEqual(['越城区农村商业银行', '柯桥区农村商业银行']);
    expect(overview.twoNewByDistrict.find((d) => d.name === '越城区')?.count).toBe(1);
    expect(overview.twoNewByDistrict.find((d) => d.name === '柯桥区')?.count).toBe(0);
    expect(overview.deadlines).toEqual([
      { key: 'nomination', at: '2027-07-31T15:59:59.999Z', days: 249, hours: 13, passed: false },
      { key: 'filing', at: '2027-07-31T15:59:59.999Z', days: 249, hours: 13, passed: false },
    ]);

    const district = dataOf(await h.call('admin', 'dashboard', {}, districtAdmin));
    expect(district.scope).toEqual({ level: 'district', orgId: 'yuecheng', name: '越城区' });
    expect(district.uncovered.map((u) => u.name)).toEqual(['越城区市场监督管理局', '越城区城市建设投资集团有限公司']);
    expect(codeOf(await h.call('admin', 'dashboard', { districtId: 'keqiao' }, districtAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await h.call('admin', 'dashboard', {}, unitAdmin))).toBe('AUTH.FORBIDDEN');
  });

  it('a must-cover unit counts for coverage exactly when it has a place (issue 9 §16)', async () => {
    const f = await fixture();
    const yuecheng = await districtUnits(f, 'yuecheng');
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    const names = async () => {
      const view = dataOf(await f.h.call('admin', 'dashboard', {}, district));
      return { uncovered: view.uncovered.map((u) => u.unitId), exempt: view.exempt.map((u) => u.unitId) };
    };
    expect(await names()).toEqual({
      uncovered: [yuecheng.gov._id, yuecheng.market._id, yuecheng.invest._id],
      exempt: [yuecheng.bank._id],
    });
    // The district gives the bank a place: it must now be covered; it sets the market's to 0: exempt.
    const set = (unitId: string, quota: number) =>
      f.h.call('admin', 'setQuota', { unitId, quota, reason: '按实际调整名额' }, district);
    dataOf(await set(yuecheng.bank._id, 1));
    dataOf(await set(yuecheng.market._id, 0));
    expect(await names()).toEqual({
      uncovered: [yuecheng.gov._id, yuecheng.invest._id, yuecheng.bank._id],
      exempt: [yuecheng.market._id],
    });
  });
});
