import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.leave (issue 14)', () => {
  it('a youth who left becomes an alumnus: out of the active list, history kept', async () => {
    const f = await fixture();
    const { unit, admin } = await youthScene(f, 2);
    const active = dataOf(await f.h.call('registry', 'youths', { status: 'active', unitId: unit._id }, admin));
    expect(active.total).toBe(3);
    const gone = active.items[0];
    const left = dataOf(await f.h.call('registry', 'leave', { youthId: gone.id, reason: '已从本单位离职' }, admin));
    expect(left).toEqual(
      expect.objectContaining({ status: 'alumni', alumniReason: 'left', statusText: '校友（已离开单位）' }),
    );
    expect(dataOf(await f.h.call('registry', 'youths', { status: 'active', unitId: unit._id }, admin)).total).toBe(2);
    expect(dataOf(await f.h.call('registry', 'youths', { status: 'alumni', unitId: unit._id }, admin)).items).toEqual([
      expect.objectContaining({ id: gone.id }),
    ]);
    expect(codeOf(await f.h.call('registry', 'leave', { youthId: gone.id, reason: '已从本单位离职' }, admin))).toBe(
      'YOUTH.INVALID_STATE',
    );
    const elsewhere = await f.admin('unitAdmin', await f.unit({ district: 'yuecheng' }));
    expect(
      codeOf(await f.h.call('registry', 'leave', { youthId: active.items[1].id, reason: '已从本单位离职' }, elsewhere)),
    ).toBe('AUTH.OUT_OF_SCOPE');
  });
});
