/** notice.list: 公示, the selected youths of the period without ID numbers or phones (R8, R8.1). */
import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture } from '../../../support/fixtures';
import { dataOf, type Harness } from '../../../support/harness';

describe('notice.list', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    unit = await f.unit({ category: 'party_gov', youthCount: 400, district: 'yuecheng' });
    await f.nomination(unit, { status: 'approved' });
    await f.nomination(unit); // submitted: not in the notice
  });

  it('the public notice lists the selected youths, masked', async () => {
    const notice = dataOf(await h.call('notice', 'list', {}, null));
    expect(notice.items).toHaveLength(1);
    expect(JSON.stringify(notice)).not.toMatch(/\d{6}\*{8}|\d{3}\*{4}\d{4}|idNumber|phone/);
    expect(notice.items[0].deeds).toContain('数字化改造');
  });
});
