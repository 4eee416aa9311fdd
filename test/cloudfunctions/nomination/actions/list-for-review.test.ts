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
});
