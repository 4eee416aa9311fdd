import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.youths (issue 14)', () => {
  it('lists a scope’s active youths masked, for its admins and the levels above', async () => {
    const f = await fixture();
    const { unit, admin, youth } = await youthScene(f, 1);
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    const other = await f.admin('districtAdmin', await f.district('keqiao'));
    const list = dataOf(await f.h.call('registry', 'youths', { status: 'active', districtId: 'yuecheng' }, district));
    expect(list.total).toBe(2);
    expect(JSON.stringify(list)).not.toContain(youth.idNumber);
    expect(JSON.stringify(list)).not.toContain(youth.phone);
    expect(dataOf(await f.h.call('registry', 'youths', { status: 'active' }, admin)).total).toBe(2);
    expect(codeOf(await f.h.call('registry', 'youths', { status: 'active', unitId: unit._id }, other))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
