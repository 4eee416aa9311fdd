import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Person } from '../../../support/fixtures';
import { dataOf, type Harness } from '../../../support/harness';

describe('nomination.listForReview (R4.2)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    unit = await f.unit({ district: 'yuecheng' });
    admin = await f.admin('unitAdmin', unit);
    await f.nomination(unit, { name: '张晓青' });
    await f.nomination(unit, { name: '李明' });
  });

  it('an admin of another unit lists nothing of it, and a district admin only its own district', async () => {
    const otherUnit = await f.unit({ district: 'keqiao' });
    await f.nomination(await f.unit({ district: 'keqiao' }), { name: '王芳' });
    const otherAdmin = await f.admin('unitAdmin', otherUnit);
    const own = dataOf(await h.call('nomination', 'listForReview', {}, otherAdmin));
    expect(own.total).toBe(0);
    const districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
    const district = dataOf(await h.call('nomination', 'listForReview', {}, districtAdmin));
    expect(district.items.map((n) => n.name).sort()).toEqual(['张晓青', '李明']);
  });

  it('the queue searches names from their start, and a pattern is only text', async () => {
    const q = (keyword: string) =>
      h.call('nomination', 'listForReview', { keyword }, admin).then((r) => dataOf(r).items.map((n) => n.name));
    expect(await q('张')).toEqual(['张晓青']);
    expect(await q('晓青')).toEqual([]);
    expect(await q('.*')).toEqual([]);
  });

  it('`decidable` counts only what the caller decides on: a district, its units without an admin (issue 9 §2)', async () => {
    const orphan = await f.unit({ district: 'yuecheng', youthCount: 8 });
    await f.nomination(orphan, { name: '刘小新' });
    const districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
    const all = dataOf(await h.call('nomination', 'listForReview', {}, districtAdmin));
    expect(all.total).toBe(3);
    const mine = dataOf(await h.call('nomination', 'listForReview', { decidable: true }, districtAdmin));
    expect(mine.items.map((n) => [n.name, n.review.level, n.review.mayDecide])).toEqual([['刘小新', 'district', true]]);
    const unitOwn = dataOf(await h.call('nomination', 'listForReview', { decidable: true }, admin));
    expect(unitOwn.total).toBe(2);
    const city = await f.admin('cityAdmin', f.city);
    expect(dataOf(await h.call('nomination', 'listForReview', { decidable: true }, city)).total).toBe(0);
  });

  it("each row carries the unit's places before approving (issue 9 §5)", async () => {
    const { items } = dataOf(await h.call('nomination', 'listForReview', {}, admin));
    expect(items[0].review).toEqual({ level: 'unit', mayDecide: true, quota: { limit: 2, used: 0 } });
  });
});
