/**
 * The sender (issue 10): the grant ledger, WeChat's answers, overlapping runs and a crash between claim and send.
 * A message is never sent twice; its in-app copy is there whatever happens.
 */
import type { Collection, Doc } from '../../../../cloudfunctions/_lib/store/port';
import { LEASE_MS } from '../../../../cloudfunctions/_lib/sender';
import { DEV_TEMPLATE_IDS } from '../../../../cloudfunctions/_lib/wechat';
import { codeOf, dataOf, NOW } from '../../../support/harness';
import { messageScene, type MessageScene } from '../message-scene';

/** Holds the first read of the grant ledger until a second one has happened too. */
function meetAfterGrantReads(s: MessageScene): void {
  const inner = s.h.deps.store;
  let waiting: (() => void) | null = null;
  s.h.deps.store = {
    withTransaction: (fn) => inner.withTransaction(fn),
    close: () => inner.close(),
    collection: <T extends Doc>(name: string) => {
      const c = inner.collection<T>(name);
      if (name !== 'grants') return c;
      const find: Collection<T>['find'] = async (filter, options) => {
        const found = await c.find(filter, options);
        if (waiting) waiting();
        else await new Promise<void>((resume) => (waiting = resume));
        return found;
      };
      return Object.assign(Object.create(c) as Collection<T>, { find });
    },
  };
}

describe('message.drain (the sender)', () => {
  let s: MessageScene;
  beforeEach(async () => {
    s = await messageScene();
  });

  it('sends a pending message on an accepted subscription, spends the grant and never sends it again', async () => {
    await s.grant(s.admin);
    await s.notifyAdmin();
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ sent: 1, inAppOnly: 0, failed: 0 }));
    expect(s.wechat.delivered).toEqual([
      expect.objectContaining({
        touser: s.admin.openid,
        templateId: DEV_TEMPLATE_IDS.todo,
        page: 'package-admin/pages/admin/quotas/index',
        data: expect.objectContaining({ thing1: { value: '本期名额调整为3名' }, thing2: { value: '区县统筹调整' } }),
      }),
    ]);
    const [entry] = await s.outbox({ toOpenid: s.admin.openid });
    expect(entry).toEqual(expect.objectContaining({ status: 'sent', grantId: expect.any(String), reason: null }));
    expect(await s.grants()).toEqual([expect.objectContaining({ state: 'used', outboxId: entry._id })]);
    // The double run of the drain: nothing left to send.
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ sent: 0, inAppOnly: 0, failed: 0 }));
    expect(s.wechat.attempts).toHaveLength(1);
  });

  it('without a grant the message stays in the message centre only, and a later grant does not resend it', async () => {
    await s.notifyAdmin();
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ sent: 0, inAppOnly: 1 }));
    expect(await s.outbox()).toEqual([expect.objectContaining({ status: 'in_app_only', reason: 'no_grant' })]);
    expect(await s.messages({ toOpenid: s.admin.openid })).toHaveLength(1);
    await s.grant(s.admin);
    await s.drain();
    expect(s.wechat.attempts).toEqual([]);
    expect(await s.grants()).toEqual([expect.objectContaining({ state: 'available' })]);
  });

  it('a grant of another template is not spent', async () => {
    await s.grant(s.admin, 'reviewResult');
    await s.notifyAdmin();
    await s.drain();
    expect(await s.outbox()).toEqual([expect.objectContaining({ status: 'in_app_only' })]);
    expect(await s.grants()).toEqual([expect.objectContaining({ state: 'available' })]);
  });

  it('two concurrent senders and one grant: exactly one message goes out', async () => {
    await s.grant(s.admin);
    await s.notifyAdmin();
    await s.notifyAdmin();
    // Both runs read the grant as available before either claims it (the worst interleaving).
    meetAfterGrantReads(s);
    const [a, b] = (await Promise.all([s.drain(), s.drain()])).map(dataOf);
    expect(a.sent + b.sent).toBe(1);
    expect(a.inAppOnly + b.inAppOnly).toBe(1);
    expect(s.wechat.delivered).toHaveLength(1);
    expect((await s.outbox()).map((o) => o.status).sort()).toEqual(['in_app_only', 'sent']);
    expect(await s.grants()).toEqual([expect.objectContaining({ state: 'used' })]);
  });

  it('two concurrent senders and one message: it is sent once, the other run skips it', async () => {
    await s.grant(s.admin, 'todo', 2);
    await s.notifyAdmin();
    const [a, b] = (await Promise.all([s.drain(), s.drain()])).map(dataOf);
    expect(a.sent + b.sent).toBe(1);
    expect(s.wechat.delivered).toHaveLength(1);
    expect((await s.grants()).map((g) => g.state).sort()).toEqual(['available', 'used']);
  });

  it('43101 (refused or used up) voids the grant; the message stays in the app; the next grant is used next time', async () => {
    await s.grant(s.admin, 'todo', 2);
    await s.notifyAdmin();
    s.wechat.answerNext(43101);
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ sent: 0, inAppOnly: 1 }));
    expect(await s.outbox()).toEqual([expect.objectContaining({ status: 'in_app_only', reason: '43101' })]);
    expect((await s.grants()).map((g) => [g.state, g.voidReason]).sort()).toEqual([
      ['available', null],
      ['void', '43101'],
    ]);
    await s.notifyAdmin();
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ sent: 1 }));
  });

  it.each([
    [40037, 'a bad template id'],
    [47003, 'bad template data'],
  ])('%s (%s) fails the message and keeps the grant, which WeChat did not spend', async (code) => {
    await s.grant(s.admin);
    await s.notifyAdmin();
    s.wechat.answerNext(code);
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ failed: 1 }));
    expect(await s.outbox()).toEqual([
      expect.objectContaining({ status: 'failed', reason: String(code), grantId: null }),
    ]);
    expect(await s.grants()).toEqual([expect.objectContaining({ state: 'available', outboxId: null })]);
    // A failed message is not retried (it would fail the same way); the grant serves the next one.
    await s.notifyAdmin();
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ sent: 1, failed: 0 }));
    expect(s.wechat.attempts).toHaveLength(2);
  });

  it('an unknown answer (the call itself failed) is never retried: at most once', async () => {
    await s.grant(s.admin, 'todo', 2);
    await s.notifyAdmin();
    s.wechat.beforeAnswer = () => Promise.reject(new Error('ETIMEDOUT'));
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ failed: 1 }));
    s.wechat.beforeAnswer = undefined;
    await s.drain();
    expect(s.wechat.attempts).toHaveLength(1);
    expect(await s.outbox()).toEqual([expect.objectContaining({ status: 'failed', reason: 'unconfirmed' })]);
    expect((await s.grants()).map((g) => g.state).sort()).toEqual(['available', 'void']);
  });

  it('a crash between claim and send: the next run after the lease closes it unconfirmed, without a second send', async () => {
    await s.grant(s.admin);
    await s.notifyAdmin();
    // The run dies inside the send: its promise never settles, as a killed container's would not.
    s.wechat.beforeAnswer = () => new Promise<void>(() => undefined);
    void s.drain();
    await new Promise((r) => setTimeout(r, 20));
    expect(await s.outbox()).toEqual([expect.objectContaining({ status: 'claimed' })]);
    s.wechat.beforeAnswer = undefined;
    // A timer run within the lease leaves the claim alone.
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ recovered: 0, sent: 0 }));
    s.h.setNow(new Date(NOW.getTime() + LEASE_MS + 1000));
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ recovered: 1, sent: 0 }));
    expect(await s.outbox()).toEqual([expect.objectContaining({ status: 'in_app_only', reason: 'unconfirmed' })]);
    expect(await s.grants()).toEqual([expect.objectContaining({ state: 'void', voidReason: 'unconfirmed' })]);
    expect(s.wechat.attempts).toHaveLength(1);
    expect(await s.messages({ toOpenid: s.admin.openid })).toHaveLength(1);
  });

  it('a crash after the claim but before any grant was taken: the message goes out once on the next run', async () => {
    await s.grant(s.admin);
    await s.notifyAdmin();
    const [entry] = await s.outbox();
    // What a run that died right after its claim leaves behind.
    await s.h.deps.store
      .collection('outbox')
      .updateOne({ _id: entry._id }, { $set: { status: 'claimed', claimedBy: 'dead', leaseUntil: NOW } });
    s.h.setNow(new Date(NOW.getTime() + 1000));
    expect(dataOf(await s.drain())).toEqual(expect.objectContaining({ recovered: 1, sent: 1 }));
    await s.drain();
    expect(s.wechat.delivered).toHaveLength(1);
  });

  it('is for a city admin (and the timer) only', async () => {
    expect(codeOf(await s.h.call('message', 'drain', {}, s.admin))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await s.h.call('message', 'drain', {}, s.youth))).toBe('AUTH.FORBIDDEN');
  });
});
