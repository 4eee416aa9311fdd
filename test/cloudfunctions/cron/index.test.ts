/**
 * Issue 8 §3: a timer is recognised from the platform context, never from the payload. A user who sends
 * `{ Type: 'Timer', TriggerName: 'purgeWithdrawn' }` through callFunction runs nothing.
 */
import type { FakeTcbServer } from '../../support/fake-tcb-server';
import { contextFor, productionEntry, type Main, type ProductionEntry } from '../../support/production-entry';

describe('the cron entry recognises timers from the platform context', () => {
  let entry: ProductionEntry;
  let fake: FakeTcbServer;
  let main: Main;

  beforeAll(async () => {
    entry = await productionEntry(() => import('../../../cloudfunctions/cron/src/index'));
    ({ fake, main } = entry);
  });

  afterAll(() => entry.close());

  const timerEvent = { Type: 'Timer', TriggerName: 'purgeWithdrawn', Time: '2026-11-30T19:00:00Z' };
  const audited = () => [...(fake.data.get('audit')?.values() ?? [])].filter((a) => a.action === 'cron.purgeWithdrawn');

  it.each([
    ['a youth', contextFor('dev-youth-zhang')],
    ['a caller without identity', contextFor()],
    [
      'a youth claiming the timer source too',
      { environ: 'WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=dev-youth-zhang;TRIGGER_SRC=timer' },
    ],
  ])('a timer payload from %s runs nothing', async (_who, context) => {
    const res = await main(timerEvent, context);
    expect(res.ok).toBe(false);
    expect(audited()).toEqual([]);
  });

  it('the platform timer runs the job', async () => {
    const res = await main(timerEvent, { environ: 'TRIGGER_SRC=timer' });
    expect(res).toEqual(expect.objectContaining({ ok: true, data: { erased: 0, drafts: 0, more: false } }));
    expect(audited()).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });
});
