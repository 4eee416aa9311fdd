import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.candidates (issue 14: the youth list for organisational recommendation)', () => {
  it('lists the unit’s imported youths, masked, with this period’s nomination where one runs', async () => {
    const f = await fixture();
    const { unit, admin, youth } = await youthScene(f, 2);
    const page = dataOf(await f.h.call('registry', 'candidates', { unitId: unit._id }, admin));
    expect(page.total).toBe(3);
    const own = page.items.find((c) => c.name === youth.name);
    expect(own).toMatchObject({ nomination: '待审核', idNumberMasked: expect.stringContaining('****') });
    expect(page.items.filter((c) => c.nomination === null)).toHaveLength(2);
    expect(JSON.stringify(page)).not.toContain(youth.idNumber);
    expect(JSON.stringify(page)).not.toContain(youth.phone);

    const other = await f.unit({ district: 'yuecheng' });
    const otherAdmin = await f.admin('unitAdmin', other);
    expect(codeOf(await f.h.call('registry', 'candidates', { unitId: unit._id }, otherAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    expect(codeOf(await f.h.call('registry', 'candidates', { unitId: unit._id }, district))).toBe('AUTH.FORBIDDEN');
  });
});
