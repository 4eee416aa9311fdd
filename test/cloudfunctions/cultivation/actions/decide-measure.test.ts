import type { MeasureDoc, OutboxDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene, training } from '../scene';

describe('cultivation.decideMeasure', () => {
  it('confirm: the record counts and the youth is told', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const m = dataOf(await s.f.h.call('cultivation', 'addMeasure', training, y));
    const done = dataOf(
      await s.f.h.call('cultivation', 'decideMeasure', { measureId: m.id, decision: 'confirm' }, s.bankAdmin),
    );
    expect(done).toMatchObject({ status: 'confirmed', canDecide: false, reason: null });
    expect(dataOf(await s.f.h.call('cultivation', 'timeline', {}, y)).coverage.idle).toBe(false);
    const sent = await s.f.h.deps.store.collection<OutboxDoc>('outbox').find({ toOpenid: y.openid });
    expect(sent.map((o) => o.title)).toEqual(['培养记录确认结果']);
  });

  it('decline: with a reason the youth reads; without one it is refused', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const m = dataOf(await s.f.h.call('cultivation', 'addMeasure', training, y));
    const call = (input: { measureId: string; decision: 'confirm' | 'decline'; reason?: string }, who = s.bankAdmin) =>
      s.f.h.call('cultivation', 'decideMeasure', input, who);
    expect(codeOf(await call({ measureId: m.id, decision: 'decline' }))).toBe('INPUT.INVALID');
    const declined = dataOf(await call({ measureId: m.id, decision: 'decline', reason: '证书与本人信息不符' }));
    expect(declined).toMatchObject({ status: 'declined', reason: '证书与本人信息不符' });
    const doc = await s.f.h.deps.store.collection<MeasureDoc>('measures').get(m.id);
    expect(doc?.history.map((e) => [e.action, e.comment])).toEqual([['decline', '证书与本人信息不符']]);
    expect(codeOf(await call({ measureId: m.id, decision: 'confirm' }))).toBe('CULTIVATION.INVALID_STATE');
  });

  it('refuses another unit, a youth, an unknown record and a unit’s own (already confirmed) record', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const m = dataOf(await s.f.h.call('cultivation', 'addMeasure', training, y));
    const call = (measureId: string, who: { openid: string }) =>
      s.f.h.call('cultivation', 'decideMeasure', { measureId, decision: 'confirm' }, who);
    expect(codeOf(await call(m.id, s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call(m.id, s.yuechengAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call(m.id, y))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await call('nothing', s.bankAdmin))).toBe('CULTIVATION.NOT_FOUND');
    const own = dataOf(
      await s.f.h.call('cultivation', 'recordMeasure', { nominationId: y.id, measure: training }, s.bankAdmin),
    );
    expect(codeOf(await call(own.id, s.bankAdmin))).toBe('CULTIVATION.INVALID_STATE');
    dataOf(await call(m.id, s.keqiaoAdmin));
  });
});
