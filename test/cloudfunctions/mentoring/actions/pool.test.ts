import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.pool', () => {
  it('lists the selected youths of the scope without a published or active match', async () => {
    const s = await scene();
    const a = await s.selected(s.bank);
    const b = await s.selected(s.school);
    await s.f.nomination(s.bank); // submitted: not in the pool
    const m = await s.mentor();
    const all = dataOf(await s.f.h.call('mentoring', 'pool', {}, s.city));
    expect(all.items.map((x) => x.nominationId).sort()).toEqual([a.id, b.id].sort());
    expect(all.items.find((x) => x.nominationId === a.id)).toMatchObject({
      unitName: '柯桥农商银行',
      districtName: '柯桥区',
      goals: ['数字化改革'],
    });
    expect(dataOf(await s.f.h.call('mentoring', 'pool', {}, s.keqiaoAdmin)).items.map((x) => x.nominationId)).toEqual([
      a.id,
    ]);
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: b.id, mentorId: m.openid }, s.city));
    expect(dataOf(await s.f.h.call('mentoring', 'pool', {}, s.city)).total).toBe(2); // a draft keeps them in
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    expect(dataOf(await s.f.h.call('mentoring', 'pool', {}, s.city)).items.map((x) => x.nominationId)).toEqual([a.id]);
    expect(codeOf(await s.f.h.call('mentoring', 'pool', { districtId: 'keqiao' }, s.yuechengAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
