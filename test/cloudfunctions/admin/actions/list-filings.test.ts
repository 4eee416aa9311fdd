import type { Fixture, Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { filingScene } from '../filing-scene';

describe('admin.filings (R4.4)', () => {
  let f: Fixture;
  let h: Harness;
  let techAdmin: Person;
  let districtAdmin: Person;
  let city: Person;
  let govAdmin: Person;
  beforeEach(async () => {
    ({ f, h, techAdmin, districtAdmin, city, govAdmin } = await filingScene());
  });

  // Issue 9 §6: a unit admin's scope holds no district, so its own card fell back to 市级单位.
  it('names the district of a county-level unit to its own admin, and 市级单位 only for city-level units', async () => {
    const own = dataOf(await h.call('admin', 'filings', {}, govAdmin));
    expect(own.items.map((x) => [x.name, x.districtName])).toEqual([['越城区人民政府办公室', '越城区']]);
    const all = dataOf(await h.call('admin', 'filings', { pageSize: 50 }, city));
    const label = (name: string) => all.items.find((x) => x.name === name)?.districtName;
    expect(label('绍兴市发展和改革委员会')).toBe('市级单位');
    expect(label('越城区人民政府办公室')).toBe('越城区');
  });

  it('districts file their other grassroots units separately; the city sees who has filed', async () => {
    const grassroots = `${f.period!._id}:district:yuecheng`;
    expect(codeOf(await h.call('admin', 'file', { filingId: grassroots }, techAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    dataOf(await h.call('admin', 'file', { filingId: grassroots, emptyReason: '两新组织本期无推荐' }, districtAdmin));
    const list = dataOf(await h.call('admin', 'filings', { pageSize: 50 }, city));
    expect(list.total).toBe(2 + 2 * 4 + 2); // city-level units, must-cover units per district, one grassroots filing per district
    expect(list.items.filter((x) => x.state === 'filed').map((x) => x.name)).toEqual([
      '越城区（两新组织及其他基层领域）',
    ]);
    const late = dataOf(await h.call('admin', 'filings', { state: 'open', pageSize: 50 }, districtAdmin));
    expect(late.items.map((x) => x.name)).toEqual([
      '越城区人民政府办公室',
      '越城区市场监督管理局',
      '越城区城市建设投资集团有限公司',
      '越城区农村商业银行',
    ]);
  });
});
