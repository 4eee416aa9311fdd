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

describe('delivered notifications and spent grants', () => {
  const DAY = 86_400_000;
  const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
  const outbox = (id: string, status: string, doneAt: Date | null) => ({
    _id: id,
    kind: 'review_result',
    toOpenid: 'dev-youth-li',
    template: 'review_result',
    title: '审核结果',
    body: '',
    page: '',
    data: {},
    createdAt: doneAt ?? ago(1),
    status,
    claimedBy: null,
    leaseUntil: null,
    grantId: null,
    doneAt,
    reason: null,
  });
  const message = (id: string, createdAt: Date) => ({
    _id: id,
    toOpenid: 'dev-youth-li',
    kind: 'review_result',
    title: '审核结果',
    body: '',
    page: '',
    createdAt,
    readAt: null,
  });
  const grant = (id: string, state: string, grantedAt: Date) => ({
    _id: id,
    openid: 'dev-youth-li',
    template: 'review_result',
    templateId: 't',
    grantedAt,
    state,
    outboxId: null,
    usedAt: null,
    voidedAt: null,
    voidReason: null,
  });

  it('the timer removes delivery records a month after delivery, grants a month after use, messages after a year', async () => {
    const w = await embeddedWorld();
    const s = w.deps.store;
    for (const d of [
      outbox('o-sent-old', 'sent', ago(31)),
      outbox('o-inapp-old', 'in_app_only', ago(40)),
      outbox('o-failed-old', 'failed', ago(60)),
      outbox('o-sent-new', 'sent', ago(29)),
      outbox('o-pending', 'pending', null),
    ])
      await s.collection(C.outbox).insert(d as never);
    for (const d of [message('m-old', ago(366)), message('m-new', ago(364))])
      await s.collection(C.messages).insert(d as never);
    for (const d of [
      grant('g-used-old', 'used', ago(31)),
      grant('g-void-old', 'void', ago(31)),
      grant('g-available-old', 'available', ago(31)),
      grant('g-used-new', 'used', ago(2)),
    ])
      await s.collection(C.grants).insert(d as never);
    const purge = () => w.call({ fn: 'cron', action: 'purgeSpent', data: {}, openid: null, system: true });
    expect(await purge()).toEqual(expect.objectContaining({ ok: true, data: { removed: 6 } }));
    const ids = async (name: string) => (await s.collection(name).find({})).map((d) => d._id).sort();
    expect(await ids(C.outbox)).toEqual(['o-pending', 'o-sent-new']);
    expect(await ids(C.messages)).toEqual(['m-new']);
    // An unused grant is still the person's permission to be messaged: it stays.
    expect((await ids(C.grants)).filter((id) => id.startsWith('g-'))).toEqual(['g-available-old', 'g-used-new']);
  });
});
