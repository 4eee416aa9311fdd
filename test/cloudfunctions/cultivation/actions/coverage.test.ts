import { codeOf, dataOf } from '../../../support/harness';
import { posting, scene, talk, training } from '../scene';

describe('cultivation.coverage', () => {
  it('the share who talked with the unit head in six months, the idle and the waiting, per unit for a district', async () => {
    const s = await scene();
    const a = await s.selected(s.bank);
    await s.selected(s.bank);
    const c = await s.selected(s.mill);
    await s.selected(s.school);
    dataOf(await s.f.h.call('cultivation', 'recordMeasure', { nominationId: a.id, measure: talk }, s.bankAdmin));
    dataOf(await s.f.h.call('cultivation', 'recordMeasure', { nominationId: c.id, measure: posting }, s.millAdmin));
    dataOf(await s.f.h.call('cultivation', 'addMeasure', training, c));
    const bank = dataOf(await s.f.h.call('cultivation', 'coverage', {}, s.bankAdmin));
    expect(bank).toMatchObject({ scopeName: '柯桥农商银行', youths: 2, talked: 1, talkShare: 50, idle: 1, rows: [] });
    const keqiao = dataOf(await s.f.h.call('cultivation', 'coverage', {}, s.keqiaoAdmin));
    expect(keqiao).toMatchObject({ youths: 3, talked: 1, talkShare: 33, idle: 1, pending: 1 });
    expect(keqiao.rows.map((r) => [r.name, r.youths, r.talkShare, r.idle])).toEqual([
      ['柯桥纺织集团', 1, 0, 0],
      ['柯桥农商银行', 2, 50, 1],
    ]);
    const city = dataOf(await s.f.h.call('cultivation', 'coverage', {}, s.city));
    expect(city.youths).toBeGreaterThanOrEqual(4);
  });

  it('refuses a unit outside the caller’s scope', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('cultivation', 'coverage', { unitId: s.school._id }, s.keqiaoAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
