import { codeOf, dataOf } from '../../../support/harness';
import { scene, training } from '../scene';

describe('cultivation.pendingMeasures', () => {
  it('a unit sees its own youths’ records waiting, the district all of its units’, oldest first', async () => {
    const s = await scene();
    const a = await s.selected(s.bank);
    const b = await s.selected(s.mill);
    const first = dataOf(await s.f.h.call('cultivation', 'addMeasure', training, a));
    s.f.h.setNow(new Date('2026-11-24T11:00:00+08:00'));
    dataOf(await s.f.h.call('cultivation', 'addMeasure', { ...training, title: '安全生产培训' }, b));
    const bank = dataOf(await s.f.h.call('cultivation', 'pendingMeasures', {}, s.bankAdmin));
    expect(bank.items.map((m) => m.id)).toEqual([first.id]);
    const district = dataOf(await s.f.h.call('cultivation', 'pendingMeasures', {}, s.keqiaoAdmin));
    expect(district.items.map((m) => m.title)).toEqual(['青年干部能力提升班', '安全生产培训']);
    expect(dataOf(await s.f.h.call('cultivation', 'pendingMeasures', {}, s.yuechengAdmin)).total).toBe(0);
    dataOf(await s.f.h.call('cultivation', 'decideMeasure', { measureId: first.id, decision: 'confirm' }, s.bankAdmin));
    expect(dataOf(await s.f.h.call('cultivation', 'pendingMeasures', {}, s.bankAdmin)).total).toBe(0);
  });

  it('refuses a unit the caller does not cover', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('cultivation', 'pendingMeasures', { unitId: s.bank._id }, s.millAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await s.f.h.call('cultivation', 'pendingMeasures', { unitId: 'nowhere' }, s.city))).toBe(
      'ORG.NOT_FOUND',
    );
  });
});
