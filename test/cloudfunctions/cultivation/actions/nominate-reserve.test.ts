import type { OutboxDoc, ReserveDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('cultivation.nominateReserve', () => {
  it('a unit nominates a 好青年 with a reason; the district is told; the timeline shows it', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const r = dataOf(
      await s.f.h.call(
        'cultivation',
        'nominateReserve',
        { nominationId: y.id, reason: '业务骨干，群众公认' },
        s.bankAdmin,
      ),
    );
    expect(r).toMatchObject({
      status: 'nominated',
      statusLabel: '已推荐',
      unitName: '柯桥农商银行',
      history: [{ label: '单位推荐', reason: '业务骨干，群众公认', date: '2026-11-24' }],
      next: [
        { event: 'admit', label: '纳入后备干部库' },
        { event: 'withdraw', label: '退出' },
      ],
    });
    const sent = await s.f.h.deps.store.collection<OutboxDoc>('outbox').find({ toOpenid: s.keqiaoAdmin.openid });
    expect(sent.map((o) => o.title)).toEqual(['后备干部推荐待研究']);
    expect(dataOf(await s.f.h.call('cultivation', 'timeline', {}, y)).reserve?.status).toBe('nominated');
  });

  it('refuses twice, a youth not selected, another unit and a short reason; nothing is written', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const plain = await s.f.nomination(s.bank, { status: 'submitted' });
    const call = (nominationId: string, who = s.bankAdmin, reason = '业务骨干，群众公认') =>
      s.f.h.call('cultivation', 'nominateReserve', { nominationId, reason }, who);
    expect(codeOf(await call(plain.id))).toBe('CULTIVATION.NOT_FOUND');
    expect(codeOf(await call(y.id, s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call(y.id, s.bankAdmin, '好'))).toBe('INPUT.INVALID');
    expect(await s.f.h.deps.store.collection<ReserveDoc>('reserveCadres').count({})).toBe(0);
    dataOf(await call(y.id));
    expect(codeOf(await call(y.id, s.keqiaoAdmin))).toBe('CULTIVATION.RESERVE_EXISTS');
  });
});
