/**
 * Issue 8 §3: a timer is recognised from the platform context, never from the payload. A user who sends
 * `{ Type: 'Timer', TriggerName: 'purgeWithdrawn' }` through callFunction runs nothing.
 */
import { createPersonalDataCrypto } from '../../../cloudfunctions/_lib/crypto';
import { createCloudbaseFileStore } from '../../../cloudfunctions/_lib/files';
import { randomId } from '../../../cloudfunctions/_lib/ids';
import { silentLogger } from '../../../cloudfunctions/_lib/logger';
import { createCloudbaseStore } from '../../../cloudfunctions/_lib/store/cloudbase';
import { CITY_ORG_ID, TEST_KEYS } from '../../../scripts/local/deps';
import { seedDemo } from '../../../scripts/local/seed';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../../support/fake-tcb-server';

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

describe('the cron entry recognises timers from the platform context', () => {
  let fake: FakeTcbServer;
  let main: Main;
  const saved = { ...process.env };

  beforeAll(async () => {
    fake = await startFakeTcbServer();
    const app = connectSdk(fake);
    await seedDemo(
      {
        store: createCloudbaseStore(app),
        crypto: createPersonalDataCrypto(TEST_KEYS),
        files: createCloudbaseFileStore(app),
        log: silentLogger,
        clock: () => new Date(),
        randomId,
        bootstrapCityAdmins: [],
        cityOrgId: CITY_ORG_ID,
      },
      new Date(),
    );
    Object.assign(process.env, {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: fake.url }),
      TCB_ENV: fake.env,
      SCF_NAMESPACE: fake.env,
      TENCENTCLOUD_SECRETID: fake.secretId,
      TENCENTCLOUD_SECRETKEY: fake.secretKey,
      HQN_DATA_KEY: TEST_KEYS.dataKey,
      HQN_HASH_KEY: TEST_KEYS.hashKey,
    });
    main = (await import('../../../cloudfunctions/cron/src/index')).main as Main;
  });

  afterAll(async () => {
    process.env = saved;
    await fake.close();
  });

  const timerEvent = { Type: 'Timer', TriggerName: 'purgeWithdrawn', Time: '2026-11-30T19:00:00Z' };
  const audited = () => [...(fake.data.get('audit')?.values() ?? [])].filter((a) => a.action === 'cron.purgeWithdrawn');

  it.each([
    ['a youth', { environ: 'WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=dev-youth-zhang' }],
    ['a caller without identity', { environ: '' }],
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
    expect(res).toEqual(expect.objectContaining({ ok: true, data: { erased: 0 } }));
    expect(audited()).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });
});
