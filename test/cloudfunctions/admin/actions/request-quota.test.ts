import { codeOf, dataOf } from '../../../support/harness';
import { quotaRequestScene } from '../quota-request-scene';

describe('admin.requestQuota (a unit asks its district for more places)', () => {
  it('is recorded and the district is told; one open request a unit', async () => {
    const { h, admin, district, ask } = await quotaRequestScene();
    const { request } = dataOf(await h.call('admin', 'requestQuota', ask, admin));
    expect(request).toMatchObject({ status: 'pending', requested: 3, limitBefore: 1, requestedByName: '陈管理员' });
    const told = await h.deps.store.collection('outbox').find({ toOpenid: district.openid, title: '收到名额申请' });
    expect(told).toHaveLength(1);
    expect(codeOf(await h.call('admin', 'requestQuota', { ...ask, quota: 4 }, admin))).toBe('QUOTA.REQUEST_PENDING');
  });

  it('concurrent requests leave exactly one open', async () => {
    const { h, admin, ask } = await quotaRequestScene();
    const results = await Promise.all(
      [2, 3, 4, 5, 6].map((quota) => h.call('admin', 'requestQuota', { ...ask, quota }, admin)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.deps.store.collection('quotaRequests').count({})).toBe(1);
  });

  it('asks for more than the unit has, from its own admin only', async () => {
    const { f, h, admin, ask } = await quotaRequestScene();
    expect(codeOf(await h.call('admin', 'requestQuota', { ...ask, quota: 1 }, admin))).toBe('QUOTA.REQUEST_NOT_HIGHER');
    const other = await f.admin('unitAdmin', await f.unit({ district: 'keqiao' }));
    expect(codeOf(await h.call('admin', 'requestQuota', ask, other))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('admin', 'requestQuota', { ...ask, reason: '要' }, admin))).toBe('INPUT.INVALID');
  });
});
