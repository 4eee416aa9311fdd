/**
 * The quota race through the production adapter (cloudfunctions/_lib/quota.ts): the real CloudBase SDK
 * against the local endpoint, whose conditional update is atomic like the database's single-document update.
 */
import { startFakeTcbServer, type FakeTcbServer } from '../../support/fake-tcb-server';
import { approval, fixture, type Fixture } from '../../support/fixtures';
import { cloudbaseDeps } from '../../support/cloudbase-deps';

describe('quota through the cloudbase adapter', () => {
  let fake: FakeTcbServer;
  let f: Fixture;

  beforeAll(async () => {
    fake = await startFakeTcbServer();
    f = await fixture({
      deps: cloudbaseDeps(fake),
    });
  });
  afterAll(() => fake.close());

  it('50 concurrent approvals against a quota of 5 approve exactly 5', async () => {
    const { h } = f;
    const unit = await f.unit({ youthCount: 39 });
    const admin = await f.admin('unitAdmin', unit);
    const city = await f.admin('cityAdmin', f.city);
    const nominees = await f.nominations(unit, 50);
    const set = await h.call('admin', 'setQuota', { unitId: unit._id, quota: 5, reason: '并发测试' }, city);
    expect(set.ok).toBe(true);
    const results = await Promise.all(nominees.map((n) => h.call('nomination', 'review', approval(n.id), admin)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(
      Array(45).fill('QUOTA.EXCEEDED'),
    );
    const approved = [...(fake.data.get('nominations')?.values() ?? [])].filter((n) => n.status === 'approved');
    expect(approved).toHaveLength(5);
    const quotaId = `${f.period!._id}:${unit._id}`;
    expect(fake.data.get('quotas')?.get(quotaId)).toEqual(expect.objectContaining({ used: 5, limit: 5 }));
    // Each increment is a transactional write by id after a transactional read of the condition (research §7).
    const increments = fake.requests.filter(
      (r) =>
        r.action === 'database.modifyDocument' &&
        typeof r.body.transactionId === 'string' &&
        JSON.stringify(r.body).includes(quotaId),
    );
    expect(increments.length).toBeGreaterThanOrEqual(5);
    const checks = fake.requests.filter(
      (r) =>
        r.action === 'database.getDocument' &&
        typeof r.body.transactionId === 'string' &&
        JSON.stringify(r.body).includes('$lt'),
    );
    // One per approval that found a place left (the others met the full counter, or the list's guard, first).
    expect(checks.length).toBeGreaterThanOrEqual(5);
    expect(fake.violations).toEqual([]);
  }, 300_000); // 50 transactions contend for one counter, with jittered retries: one run took over 90 s on this 2-core machine
});
