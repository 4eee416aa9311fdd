import { dataOf } from '../../../support/harness';
import { quotaRequestScene } from '../quota-request-scene';

describe('admin.quotaRequests', () => {
  it("lists a district its units' requests, and nothing of another district", async () => {
    const { h, admin, district, keqiao, ask } = await quotaRequestScene();
    dataOf(await h.call('admin', 'requestQuota', ask, admin));
    const pending = dataOf(await h.call('admin', 'quotaRequests', { status: 'pending' }, district));
    expect(pending.items.map((r) => [r.unitName, r.districtName, r.requested])).toEqual([
      ['越城区智造科技有限公司', '越城区', 3],
    ]);
    expect(dataOf(await h.call('admin', 'quotaRequests', {}, keqiao)).total).toBe(0);
    expect(dataOf(await h.call('admin', 'quotaRequests', {}, admin)).total).toBe(1);
  });
});
