/**
 * The production entry (`src/index.ts` → the deployed bundle) against the
 * real @cloudbase/node-sdk talking to the local fake endpoint: identity comes
 * from the platform context, never from the payload.
 */
import { createCloudbaseStore } from '../../../cloudfunctions/_lib/store/cloudbase';
import { createPersonalDataCrypto } from '../../../cloudfunctions/_lib/crypto';
import { createCloudbaseFileStore } from '../../../cloudfunctions/_lib/files';
import { randomId } from '../../../cloudfunctions/_lib/ids';
import { silentLogger } from '../../../cloudfunctions/_lib/logger';
import { CITY_ORG_ID, TEST_KEYS } from '../../../scripts/local/deps';
import { seedDemo } from '../../../scripts/local/seed';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../../support/fake-tcb-server';

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

describe('production entry through the CloudBase SDK', () => {
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
    // What the SCF runtime provides: the environment's URL and credentials, our keys from the console.
    Object.assign(process.env, {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: fake.url }),
      TCB_ENV: fake.env,
      SCF_NAMESPACE: fake.env,
      TENCENTCLOUD_SECRETID: fake.secretId,
      TENCENTCLOUD_SECRETKEY: fake.secretKey,
      HQN_DATA_KEY: TEST_KEYS.dataKey,
      HQN_HASH_KEY: TEST_KEYS.hashKey,
    });
    main = (await import('../../../cloudfunctions/account/src/index')).main as Main;
  });

  afterAll(async () => {
    process.env = saved;
    await fake.close();
  });

  const contextFor = (openid?: string) => ({
    environ: openid ? `WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=${openid}` : '',
  });

  it('takes the OPENID from the platform context', async () => {
    const res = await main({ action: 'me', data: {} }, contextFor('dev-unit-admin'));
    expect(res).toEqual(
      expect.objectContaining({ ok: true, data: expect.objectContaining({ displayName: '陈管理员' }) }),
    );
    expect(fake.violations).toEqual([]);
    expect(fake.requests.some((r) => r.action === 'database.getDocument')).toBe(true);
  });

  it('ignores identity claimed in the payload or a dev header field', async () => {
    const res = await main(
      { action: 'me', data: {}, openid: 'dev-city-admin', headers: { 'x-dev-openid': 'dev-city-admin' } },
      contextFor(),
    );
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }) }),
    );
  });

  it('a write goes through the SDK and is audited', async () => {
    const res = await main(
      { action: 'bindUnit', data: { unitId: 'keqiao-tech', displayName: '云上青年' }, requestId: 'req_prod00000001' },
      contextFor('cloud-user'),
    );
    expect(res.ok).toBe(true);
    const audit = [...(fake.data.get('audit')?.values() ?? [])];
    expect(audit).toEqual([
      expect.objectContaining({ actor: 'cloud-user', action: 'account.bindUnit', requestId: 'req_prod00000001' }),
    ]);
    expect(fake.violations).toEqual([]);
  });
});
