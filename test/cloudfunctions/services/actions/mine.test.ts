import { dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.mine', () => {
  it('the youth’s own requests, newest first, and nobody else’s', async () => {
    const s = await scene();
    const first = await s.submitHousing();
    s.f.h.setNow(new Date('2026-11-25T10:00:00+08:00'));
    const second = await s.submitChildren();
    await s.submitHousing(s.other);
    const mine = dataOf(await s.f.h.call('services', 'mine', {}, s.youth));
    expect(mine.items.map((r) => [r.id, r.typeName, r.statusLabel])).toEqual([
      [second, '子女教育', '待受理'],
      [first, '租房置业', '待受理'],
    ]);
    expect(mine.total).toBe(2);
  });
});
