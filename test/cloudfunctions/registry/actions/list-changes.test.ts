import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.changes (issue 14)', () => {
  it('lists the changes waiting for a unit’s review, to that unit and those above it only', async () => {
    const f = await fixture();
    const { youth, unit, admin } = await youthScene(f);
    const next = await f.unit({ district: 'yuecheng' });
    const newAdmin = await f.admin('unitAdmin', next);
    const change = { unitId: next._id, post: '经理', postSince: '2026-10-08' };
    dataOf(await f.h.call('registry', 'confirmMine', change, youth));
    const list = dataOf(await f.h.call('registry', 'changes', { unitId: next._id }, newAdmin));
    expect(list.items).toEqual([
      expect.objectContaining({ name: youth.name, fromUnitName: unit.name, post: '经理', postSince: '2026-10-08' }),
    ]);
    expect(list.total).toBe(1);
    expect(dataOf(await f.h.call('registry', 'changes', { unitId: unit._id }, admin)).items).toEqual([]);
    expect(codeOf(await f.h.call('registry', 'changes', { unitId: next._id }, admin))).toBe('AUTH.OUT_OF_SCOPE');
  });
});
