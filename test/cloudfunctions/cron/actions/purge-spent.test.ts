/** cron.purgeSpent: idempotency markers after a day and limit counters past their expiry go; the rest stays. */
import { C } from '../../../../cloudfunctions/_lib/collections';
import { approve, embeddedWorld, liNomination } from '../../../support/fault-scenarios';
import { NOW } from '../../../support/harness';

describe('spent markers and counters', () => {
  it('the timer removes request markers after a day and counters past their expiry, and keeps the rest', async () => {
    const w = await embeddedWorld();
    const id = await liNomination(w);
    await w.call(approve(id), 'req_spent_0000001');
    await w.call({
      fn: 'notice',
      action: 'object',
      data: { nominationId: id, content: '该同志并非本单位在编人员，请核实。' },
      openid: 'citizen',
    });
    const purge = () => w.call({ fn: 'cron', action: 'purgeSpent', data: {}, openid: null, system: true });
    expect(await purge()).toEqual(expect.objectContaining({ ok: true, data: { removed: 0 } }));
    w.setNow(new Date(NOW.getTime() + 3 * 86_400_000));
    // The marker of the approval and the daily counter go; the open objection's counter (no expiry) stays.
    expect(await purge()).toEqual(expect.objectContaining({ ok: true, data: { removed: 2 } }));
    // The open objection's counter and the list's filing guard have no expiry: they stay.
    expect((await w.deps.store.collection(C.limits).find({})).map((l) => l._id).sort()).toEqual([
      'filing-guard:2027:district:yuecheng',
      `objection-open:${id}:citizen`,
    ]);
    expect(await w.deps.store.collection(C.requests).count({})).toBe(0);
  });
});
