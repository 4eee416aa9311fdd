import { fixture, type Fixture, type Person } from '../../../support/fixtures';
import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf, type Harness, type InputFor } from '../../../support/harness';

describe('admin.roster', () => {
  let f: Fixture;
  let h: Harness;
  let unitAdmin: Person;
  let districtAdmin: Person;
  let city: Person;
  let tech: OrgDoc;
  beforeAll(async () => {
    f = await fixture();
    h = f.h;
    tech = await f.unit({ name: '越城区智造科技有限公司', category: 'two_new', district: 'yuecheng' });
    const gov = await f.unit({ id: 'keqiao-gov', category: 'party_gov', district: 'keqiao', youthCount: 100 });
    await f.nominations(tech, 26);
    await f.nominations(gov, 5, { status: 'approved' });
    unitAdmin = await f.admin('unitAdmin', tech);
    districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
    city = await f.admin('cityAdmin', f.city);
  });

  it('pages 20 at a time with masked data, scoped to what the cadre may see', async () => {
    const first = dataOf(await h.call('admin', 'roster', {}, unitAdmin));
    expect(first).toEqual(expect.objectContaining({ total: 26, hasMore: true }));
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toEqual(
      expect.objectContaining({ unitName: '越城区智造科技有限公司', districtName: '越城区', category: 'two_new' }),
    );
    expect(first.items[0].idNumberMasked).toMatch(/^330602\*{8}\d{3}[\dX]$/);
    expect(first.items[0].phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const second = dataOf(await h.call('admin', 'roster', { page: 2 }, unitAdmin));
    expect(second.items).toHaveLength(6);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(26);
    expect(dataOf(await h.call('admin', 'roster', {}, districtAdmin)).total).toBe(26);
    expect(dataOf(await h.call('admin', 'roster', {}, city)).total).toBe(31);
    expect(codeOf(await h.call('admin', 'roster', { districtId: 'keqiao' }, districtAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('admin', 'roster', { unitId: 'keqiao-gov' }, unitAdmin))).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('filters by name, unit, category, status, political status and education', async () => {
    const q = (data: InputFor<'admin', 'roster'>) => h.call('admin', 'roster', data, city).then((r) => dataOf(r).total);
    expect(await q({ category: 'party_gov' })).toBe(5);
    expect(await q({ status: 'approved' })).toBe(5);
    expect(await q({ unitId: tech._id, status: 'approved' })).toBe(0);
    expect(await q({ politicalStatus: 'league_member', education: 'bachelor' })).toBe(31);
    expect(await q({ politicalStatus: 'cpc_member' })).toBe(0);
    const all = dataOf(await h.call('admin', 'roster', { pageSize: 50 }, city)).items;
    const surname = all[0].name.slice(0, 1);
    expect(await q({ keyword: surname })).toBe(all.filter((i) => i.name.startsWith(surname)).length);
    expect(await q({ keyword: '.*' })).toBe(0);
  });

  it("one page's data stays far under WeChat's 64 KB setData budget", async () => {
    const page = dataOf(await h.call('admin', 'roster', {}, city));
    expect(Buffer.byteLength(JSON.stringify(page.items))).toBeLessThan(64 * 1024);
    expect(JSON.stringify(page)).not.toMatch(/Enc|idHash|deeds/);
  });
});
