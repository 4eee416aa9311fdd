import { codeOf, dataOf } from '../../../support/harness';
import { quotaRequestScene } from '../quota-request-scene';

describe('admin.decideQuotaRequest (the district decides, recorded and notified)', () => {
  it('approving changes the quota as setQuota does, tells the unit, and lets it ask again', async () => {
    const { h, admin, district, ask } = await quotaRequestScene();
    const { request } = dataOf(await h.call('admin', 'requestQuota', ask, admin));
    const decided = dataOf(
      await h.call(
        'admin',
        'decideQuotaRequest',
        { requestId: request.id, decision: 'approve', reason: '同意，青年骨干集中' },
        district,
      ),
    );
    expect(decided.request).toMatchObject({
      status: 'approved',
      decidedByName: '赵书记',
      decisionReason: '同意，青年骨干集中',
    });
    expect(decided.quota).toMatchObject({ limit: 3, override: 3, overrideReason: '同意，青年骨干集中' });
    const told = await h.deps.store.collection('outbox').find({ toOpenid: admin.openid, title: '本单位名额已调整' });
    expect(told).toHaveLength(1);
    expect(
      codeOf(
        await h.call(
          'admin',
          'decideQuotaRequest',
          { requestId: request.id, decision: 'reject', reason: '重复审批测试' },
          district,
        ),
      ),
    ).toBe('QUOTA.REQUEST_DECIDED');
    expect(codeOf(await h.call('admin', 'requestQuota', { ...ask, quota: 5 }, admin))).toBe('OK');
  });

  it('refusing records why and tells the unit; the quota stays', async () => {
    const { h, admin, district, ask } = await quotaRequestScene();
    const { request } = dataOf(await h.call('admin', 'requestQuota', ask, admin));
    const decided = dataOf(
      await h.call(
        'admin',
        'decideQuotaRequest',
        { requestId: request.id, decision: 'reject', reason: '全区名额已分配完毕' },
        district,
      ),
    );
    expect(decided).toMatchObject({ request: { status: 'rejected' }, quota: null });
    const told = await h.deps.store.collection('outbox').find({ toOpenid: admin.openid, title: '名额申请未获同意' });
    expect(told).toHaveLength(1);
    const [q] = dataOf(await h.call('admin', 'quotas', {}, admin)).items;
    expect(q.limit).toBe(1);
    const listed = dataOf(await h.call('admin', 'quotaRequests', { status: 'decided' }, admin)).items;
    expect(listed.map((r) => [r.status, r.decisionReason])).toEqual([['rejected', '全区名额已分配完毕']]);
  });

  it("only the unit's own district decides", async () => {
    const { h, admin, keqiao, ask } = await quotaRequestScene();
    const { request } = dataOf(await h.call('admin', 'requestQuota', ask, admin));
    const decide = { requestId: request.id, decision: 'approve', reason: '同意增加名额' } as const;
    expect(codeOf(await h.call('admin', 'decideQuotaRequest', decide, keqiao))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('admin', 'decideQuotaRequest', decide, admin))).toBe('AUTH.FORBIDDEN');
  });
});
