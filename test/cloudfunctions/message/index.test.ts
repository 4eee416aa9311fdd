/**
 * The `message` entry as the SCF runtime runs it: the sender goes through wx-server-sdk's
 * `cloud.openapi.subscribeMessage.send`, which puts a protobuf `wx.openApi` call on the wire to TCB_CONTEXT_CNFG's
 * URL — here the fake CloudBase endpoint, whose WeChat answers success, 43101, 40037 or 47003 as configured.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_TEMPLATE_IDS } from '../../../cloudfunctions/_lib/wechat';
import type { FakeTcbServer } from '../../support/fake-tcb-server';
import { contextFor, productionEntry, type Main, type ProductionEntry } from '../../support/production-entry';

const ROOT = join(__dirname, '../../..');
const TIMER = { environ: 'TRIGGER_SRC=timer' };
const timerEvent = { Type: 'Timer', TriggerName: 'drainOutbox', Time: '2026-11-30T19:00:00Z' };

describe('the message entry sends through wx-server-sdk', () => {
  let entry: ProductionEntry;
  let fake: FakeTcbServer;
  let main: Main;

  beforeAll(async () => {
    process.env.HQN_TEMPLATE_IDS = `reviewResult=${DEV_TEMPLATE_IDS.reviewResult},todo=${DEV_TEMPLATE_IDS.todo}`;
    entry = await productionEntry(() => import('../../../cloudfunctions/message/src/index'));
    ({ fake, main } = entry);
  });
  afterAll(() => entry.close());

  const admin = contextFor('dev-unit-admin');
  const district = contextFor('dev-district-admin');
  const grant = () =>
    main(
      {
        action: 'recordGrants',
        data: { results: [{ templateId: DEV_TEMPLATE_IDS.todo, result: 'accept' }] },
        requestId: `grant-${Math.random().toString(36).slice(2, 10)}`,
      },
      admin,
    );
  const outbox = () => [...(fake.data.get('outbox')?.values() ?? [])] as Array<Record<string, unknown>>;

  async function quotaChange(quota: number): Promise<void> {
    // The admin function's own entry enqueues the message; the message entry sends it.
    const admins = await import('../../../cloudfunctions/admin/src/index');
    const res = await (admins.main as Main)(
      { action: 'setQuota', data: { unitId: 'yuecheng-tech', quota, reason: '区县统筹调整' } },
      district,
    );
    expect(res.ok).toBe(true);
  }

  it('a timer run sends a pending message once over the wire, and 43101 / 40037 / 47003 are told apart', async () => {
    expect((await grant()).ok).toBe(true);
    await quotaChange(3);
    const first = await main(timerEvent, TIMER);
    expect(first).toEqual(expect.objectContaining({ ok: true, data: expect.objectContaining({ sent: 1 }) }));
    expect(fake.wechat.delivered).toEqual([
      expect.objectContaining({
        touser: 'dev-unit-admin',
        templateId: DEV_TEMPLATE_IDS.todo,
        page: 'package-admin/pages/admin/quotas/index',
        data: expect.objectContaining({ thing1: { value: '本期名额调整为3名' } }),
      }),
    ]);
    expect(fake.requests.filter((r) => r.action === 'wx.openApi')).toEqual([
      { action: 'wx.openApi', body: { apiName: 'subscribeMessage.send' } },
    ]);
    // The timer again: nothing to send.
    expect(await main(timerEvent, TIMER)).toEqual(
      expect.objectContaining({ data: expect.objectContaining({ sent: 0 }) }),
    );

    for (const [code, status] of [
      [43101, 'in_app_only'],
      [40037, 'failed'],
      [47003, 'failed'],
    ] as const) {
      expect((await grant()).ok).toBe(true);
      await quotaChange(10 + (code % 10));
      fake.wechat.answerNext(code);
      await main(timerEvent, TIMER);
      const last = outbox().sort((a, b) => Number(b.createdAt) - Number(a.createdAt))[0];
      expect(last).toEqual(expect.objectContaining({ status, reason: String(code) }));
    }
    expect(fake.wechat.delivered).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  it('a user cannot run the drain as the timer; a city admin can by hand', async () => {
    expect((await main(timerEvent, contextFor('dev-youth-zhang'))).ok).toBe(false);
    expect((await main({ action: 'drain', data: {} }, contextFor('dev-youth-zhang'))).ok).toBe(false);
    expect((await main({ action: 'drain', data: {} }, contextFor('dev-city-admin'))).ok).toBe(true);
  });

  it('declares the subscribeMessage.send permission and the timer in its config.json', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'cloudfunctions/message/config.json'), 'utf8')) as {
      permissions: { openapi: string[] };
      triggers: Array<{ name: string; type: string }>;
    };
    expect(config.permissions.openapi).toEqual(['subscribeMessage.send']);
    expect(config.triggers).toEqual([expect.objectContaining({ name: 'drainOutbox', type: 'timer' })]);
    expect(createRequire(__filename).resolve('wx-server-sdk')).toContain('wx-server-sdk');
  });
});
