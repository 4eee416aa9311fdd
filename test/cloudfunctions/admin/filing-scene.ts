/** The filing tests' scene: city-level units, two districts of five units each, their admins, one approved youth. */
import { fixture, type Fixture } from '../../support/fixtures';

/** A district's self-filing units (R4.4: 机关 and 国企 file their own list) and a two_new company its district files for. */
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

export async function filingScene() {
  const f = await fixture();
  const h = f.h;
  // Two city-level units, and two districts of five units each.
  await f.unit({ name: '绍兴市发展和改革委员会', category: 'party_gov', district: null });
  await f.unit({ name: '绍兴市交通投资集团有限公司', category: 'soe', district: null });
  const yuecheng = await districtUnits(f, 'yuecheng');
  await districtUnits(f, 'keqiao');
  const gov = yuecheng.gov; // files its own list; quota 1
  const govAdmin = await f.admin('unitAdmin', gov, { name: '孙主任' });
  const otherGovAdmin = await f.admin('unitAdmin', gov);
  const techAdmin = await f.admin('unitAdmin', yuecheng.tech);
  const districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
  const city = await f.admin('cityAdmin', f.city);
  const approved = await f.nomination(gov, { status: 'approved' });
  const unitFiling = `${f.period!._id}:unit:${gov._id}`;
  return { f, h, gov, govAdmin, otherGovAdmin, techAdmin, districtAdmin, city, approved, unitFiling };
}
