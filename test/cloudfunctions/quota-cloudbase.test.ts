/**
 * The quota race through the production adapter: the real CloudBase SDK
 * against the local endpoint, whose conditional update is atomic like the
 * database's single-document update.
 */
import { createCloudbaseFileStore } from '../../cloudfunctions/_lib/files';
import { createCloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { createPersonalDataCrypto } from '../../cloudfunctions/_lib/crypto';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { randomId } from '../../cloudfunctions/_lib/ids';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { CITY_ORG_ID, TEST_KEYS } from '../../scripts/local/deps';
import { FUNCTIONS } from '../../scripts/local/functions';
import { seedDemo } from '../../scripts/local/seed';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../support/fake-tcb-server';
import { NOW } from '../support/harness';
import { addNominations } from '../support/nominees';

describe('quota through the cloudbase adapter', () => {
  let fake: FakeTcbServer;
  let deps: ServerDeps;

  beforeAll(async () => {
    fake = await startFakeTcbServer();
    const app = connectSdk(fake);
    deps = {
      store: createCloudbaseStore(app),
      files: createCloudbaseFileStore(app),
      crypto: createPersonalDataCrypto(TEST_KEYS),
      log: silentLogger,
      clock: () => NOW,
      randomId,
      bootstrapCityAdmins: [],
      cityOrgId: CITY_ORG_ID,
    };
    await seedDemo(deps, NOW);
  });
  afterAll(() => fake.close());

  it('50 concurrent approvals against a quota of 5 approve exactly 5', async () => {
    const ids = await addNominations(deps, 'yuecheng-tech', 50);
    const set = await FUNCTIONS.admin.handle(
      { action: 'setQuota', data: { unitId: 'yuecheng-tech', quota: 5, reason: '并发测试' } },
      { openid: 'dev-city-admin' },
      deps,
    );
    expect(set.ok).toBe(true);
    const results = await Promise.all(
      ids.map((id) =>
        FUNCTIONS.nomination.handle(
          {
            action: 'review',
            data: { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
          },
          { openid: 'dev-unit-admin' },
          deps,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(
      Array(45).fill('QUOTA.EXCEEDED'),
    );
    const approved = [...(fake.data.get('nominations')?.values() ?? [])].filter((n) => n.status === 'approved');
    expect(approved).toHaveLength(5);
    expect(fake.data.get('quotas')?.get('2027:yuecheng-tech')).toEqual(expect.objectContaining({ used: 5, limit: 5 }));
    // Each increment is a transactional write by id after a transactional read of the condition (research §7).
    const increments = fake.requests.filter(
      (r) =>
        r.action === 'database.modifyDocument' &&
        typeof r.body.transactionId === 'string' &&
        JSON.stringify(r.body).includes('2027:yuecheng-tech'),
    );
    expect(increments.length).toBeGreaterThanOrEqual(5);
    const checks = fake.requests.filter(
      (r) =>
        r.action === 'database.getDocument' &&
        typeof r.body.transactionId === 'string' &&
        JSON.stringify(r.body).includes('$lt'),
    );
    expect(checks.length).toBeGreaterThanOrEqual(50);
    expect(fake.violations).toEqual([]);
  }, 30_000);
});
