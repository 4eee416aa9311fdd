import { codeOf, dataOf } from '../../../support/harness';
import { posting, scene, talk, training } from '../scene';

describe('cultivation.timeline', () => {
  it('a youth reads their own measures newest first, coverage and the Party record; the unit may manage', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    for (const measure of [posting, talk])
      dataOf(await s.f.h.call('cultivation', 'recordMeasure', { nominationId: y.id, measure }, s.bankAdmin));
    dataOf(await s.f.h.call('cultivation', 'addMeasure', training, y));
    dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: y.id, date: '2026-04-01' }, s.bankAdmin));
    const mine = dataOf(await s.f.h.call('cultivation', 'timeline', {}, y));
    expect(mine).toMatchObject({ nominationId: y.id, unitName: '柯桥农商银行', selected: true, canManage: false });
    expect(mine.measures.map((m) => [m.title, m.status])).toEqual([
      ['青年干部能力提升班', 'pending'],
      ['季度谈心', 'confirmed'],
      ['数字化改革专班', 'confirmed'],
    ]);
    expect(mine.coverage).toEqual({ talkedRecently: true, idle: false, lastMeasure: '2026-10-10' });
    expect(mine.party).toMatchObject({ stage: 'applicant', stageLabel: '入党申请人' });
    const byUnit = dataOf(await s.f.h.call('cultivation', 'timeline', { nominationId: y.id }, s.bankAdmin));
    expect(byUnit).toMatchObject({ canManage: true, canDecideReserve: false });
    expect(
      dataOf(await s.f.h.call('cultivation', 'timeline', { nominationId: y.id }, s.keqiaoAdmin)).canDecideReserve,
    ).toBe(true);
    expect(byUnit.measures).toEqual(mine.measures);
  });

  it('refuses someone else’s youth, an unknown id, and a youth who was not selected', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const other = await s.selected(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'timeline', { nominationId: y.id }, s.millAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await s.f.h.call('cultivation', 'timeline', { nominationId: y.id }, other))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await s.f.h.call('cultivation', 'timeline', { nominationId: 'nobody' }, s.city))).toBe(
      'CULTIVATION.NOT_FOUND',
    );
    const plain = await s.f.youth(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'timeline', {}, plain))).toBe('CULTIVATION.NOT_SELECTED');
  });
});
