import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, NOW } from '../../../support/harness';
import { A_YEAR_LATER, youthScene } from '../youth-scene';

describe('registry.stale (issue 14)', () => {
  it('counts per unit the active records not confirmed for a year', async () => {
    const f = await fixture();
    const { unit, youth } = await youthScene(f, 2);
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    expect(dataOf(await f.h.call('registry', 'stale', {}, district)).items).toEqual([]);
    f.h.setNow(A_YEAR_LATER(NOW));
    dataOf(await f.h.call('registry', 'confirmMine', { unitId: unit._id, post: '技术员' }, youth));
    const list = dataOf(await f.h.call('registry', 'stale', { districtId: 'yuecheng' }, district));
    expect(list.items).toEqual([{ unitId: unit._id, unitName: unit.name, active: 3, stale: 2 }]);
    const other = await f.admin('districtAdmin', await f.district('keqiao'));
    expect(codeOf(await f.h.call('registry', 'stale', { districtId: 'yuecheng' }, other))).toBe('AUTH.OUT_OF_SCOPE');
  });
});
