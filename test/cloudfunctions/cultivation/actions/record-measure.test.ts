import type { MeasureDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { posting, scene, talk, training } from '../scene';

describe('cultivation.recordMeasure', () => {
  it('records a posting, a talk with the unit head and a training as confirmed, audited', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const call = (measure: typeof posting) =>
      s.f.h.call('cultivation', 'recordMeasure', { nominationId: y.id, measure }, s.bankAdmin);
    expect(dataOf(await call(posting))).toMatchObject({
      kindLabel: '重点工作专班',
      status: 'confirmed',
      addedBy: 'unit',
      canDecide: false,
      endDate: '2026-09-30',
      evidence: '柯政办〔2026〕12号',
    });
    expect(dataOf(await call(talk)).detail).toBe('单位党组织负责人 王书记：谈工作成长与下一步岗位锻炼方向');
    expect(dataOf(await call(training)).detail).toBe('主办：团市委 · 32学时');
    const docs = await s.f.h.deps.store.collection<MeasureDoc>('measures').find({ nominationId: y.id });
    expect(docs).toHaveLength(3);
    expect(await s.f.h.deps.store.collection('audit').count({ action: 'cultivation.recordMeasure' })).toBe(3);
  });

  it('the district and the city record for the youths they cover; another unit or district is out of scope', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const call = (who: typeof s.city) =>
      s.f.h.call('cultivation', 'recordMeasure', { nominationId: y.id, measure: posting }, who);
    dataOf(await call(s.keqiaoAdmin));
    dataOf(await call(s.city));
    expect(codeOf(await call(s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call(s.yuechengAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await s.f.h.call('cultivation', 'recordMeasure', { nominationId: y.id, measure: posting }, y))).toBe(
      'AUTH.FORBIDDEN',
    );
  });

  it('refuses a youth not selected, an unknown one, a date after today (China), and a talk without whom', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const pending = await s.f.nomination(s.bank, { status: 'submitted' });
    const call = (nominationId: string, measure: typeof posting) =>
      s.f.h.call('cultivation', 'recordMeasure', { nominationId, measure }, s.bankAdmin);
    expect(codeOf(await call(pending.id, posting))).toBe('CULTIVATION.NOT_FOUND');
    expect(codeOf(await call('nobody', posting))).toBe('CULTIVATION.NOT_FOUND');
    // The harness's now is 2026-11-24 10:00 in China; 2026-11-25 is tomorrow there.
    expect(codeOf(await call(y.id, { ...posting, startDate: '2026-11-25', endDate: undefined }))).toBe(
      'CULTIVATION.FUTURE_DATE',
    );
    dataOf(await call(y.id, { ...posting, startDate: '2026-11-24', endDate: undefined }));
    expect(codeOf(await call(y.id, { ...talk, talkWithName: undefined }))).toBe('INPUT.INVALID');
    expect(codeOf(await call(y.id, { ...training, hours: undefined }))).toBe('INPUT.INVALID');
    expect(codeOf(await call(y.id, { ...posting, endDate: '2026-01-01' }))).toBe('INPUT.INVALID');
    expect(codeOf(await call(y.id, { ...posting, startDate: '2026-02-30' }))).toBe('INPUT.INVALID');
    expect(await s.f.h.deps.store.collection('measures').count({})).toBe(1);
  });
});
