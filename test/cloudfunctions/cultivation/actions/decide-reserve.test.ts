import type { ReserveDoc } from '../../../../cloudfunctions/_lib/collections';
import type { ReserveEvent } from '../../../../miniprogram/core/cultivation';
import { codeOf, dataOf } from '../../../support/harness';
import { scene, type Scene } from '../scene';

async function nominee(s: Scene): Promise<string> {
  const y = await s.selected(s.bank);
  dataOf(
    await s.f.h.call(
      'cultivation',
      'nominateReserve',
      { nominationId: y.id, reason: '业务骨干，群众公认' },
      s.bankAdmin,
    ),
  );
  return y.id;
}

const decide = (s: Scene, nominationId: string, event: ReserveEvent, who = s.keqiaoAdmin) =>
  s.f.h.call('cultivation', 'decideReserve', { nominationId, event, reason: `${event} 经研究决定` }, who);

describe('cultivation.decideReserve', () => {
  it('nominated → in pool → under inspection → appointed, each with its reason and who decided', async () => {
    const s = await scene();
    const id = await nominee(s);
    expect(dataOf(await decide(s, id, 'admit')).status).toBe('pool');
    expect(dataOf(await decide(s, id, 'inspect', s.city)).status).toBe('inspection');
    const done = dataOf(await decide(s, id, 'appoint'));
    expect(done).toMatchObject({ status: 'appointed', statusLabel: '已任用', next: [] });
    expect(done.history.map((h) => [h.label, h.reason])).toEqual([
      ['单位推荐', '业务骨干，群众公认'],
      ['纳入后备干部库', 'admit 经研究决定'],
      ['启动考察', 'inspect 经研究决定'],
      ['任用', 'appoint 经研究决定'],
    ]);
    const doc = await s.f.h.deps.store.collection<ReserveDoc>('reserveCadres').get(id);
    expect(doc?.history.map((h) => h.actor)).toEqual([
      s.bankAdmin.openid,
      s.keqiaoAdmin.openid,
      s.city.openid,
      s.keqiaoAdmin.openid,
    ]);
  });

  it.each(['nominated', 'pool', 'inspection'] as const)('withdraws from %s with a reason', async (at) => {
    const s = await scene();
    const id = await nominee(s);
    if (at !== 'nominated') dataOf(await decide(s, id, 'admit'));
    if (at === 'inspection') dataOf(await decide(s, id, 'inspect'));
    expect(dataOf(await decide(s, id, 'withdraw')).status).toBe('withdrawn');
    expect(codeOf(await decide(s, id, 'admit'))).toBe('CULTIVATION.INVALID_STATE');
  });

  it('refuses a step out of order, a unit admin, another district, an unknown youth', async () => {
    const s = await scene();
    const id = await nominee(s);
    expect(codeOf(await decide(s, id, 'appoint'))).toBe('CULTIVATION.INVALID_STATE');
    expect(codeOf(await decide(s, id, 'admit', s.bankAdmin))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await decide(s, id, 'admit', s.yuechengAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await decide(s, 'nobody', 'admit'))).toBe('CULTIVATION.NOT_FOUND');
    expect((await s.f.h.deps.store.collection<ReserveDoc>('reserveCadres').get(id))?.history).toHaveLength(1);
  });
});
