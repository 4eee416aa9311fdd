import type { OutboxDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene, training } from '../scene';

describe('cultivation.addMeasure', () => {
  it('a 好青年 adds a training certificate; it waits for the unit, whose admins are told', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const m = dataOf(await s.f.h.call('cultivation', 'addMeasure', training, y));
    expect(m).toMatchObject({ status: 'pending', statusLabel: '待单位确认', addedBy: 'youth', canDecide: true });
    const sent = await s.f.h.deps.store.collection<OutboxDoc>('outbox').find({});
    expect(sent.map((o) => [o.toOpenid, o.title])).toEqual([[s.bankAdmin.openid, '培养记录待确认']]);
    const line = dataOf(await s.f.h.call('cultivation', 'timeline', {}, y));
    expect(line.measures.map((x) => x.status)).toEqual(['pending']);
    expect(line.coverage.idle).toBe(true); // a pending record is not yet a measure
  });

  it('refuses a youth who was not selected, a cadre, and a date after today; nothing is written', async () => {
    const s = await scene();
    const other = await s.f.youth(s.bank);
    await s.f.nomination(s.bank, { youth: other, status: 'submitted' });
    expect(codeOf(await s.f.h.call('cultivation', 'addMeasure', training, other))).toBe('CULTIVATION.NOT_SELECTED');
    expect(codeOf(await s.f.h.call('cultivation', 'addMeasure', training, s.bankAdmin))).toBe('AUTH.FORBIDDEN');
    const y = await s.selected(s.bank);
    expect(codeOf(await s.f.h.call('cultivation', 'addMeasure', { ...training, endDate: '2026-12-01' }, y))).toBe(
      'CULTIVATION.FUTURE_DATE',
    );
    expect(await s.f.h.deps.store.collection('measures').count({})).toBe(0);
    expect(await s.f.h.deps.store.collection('outbox').count({})).toBe(0);
  });
});
