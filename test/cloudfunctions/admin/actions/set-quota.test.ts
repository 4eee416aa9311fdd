import { approval, fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('admin.setQuota (R3.2)', () => {
  it('a unit cannot approve beyond its quota; the district raises it with a recorded reason', async () => {
    const f = await fixture();
    const { h } = f;
    const unit = await f.unit({ district: 'yuecheng', category: 'two_new', youthCount: 39 }); // quota 1
    const unitAdmin = await f.admin('unitAdmin', unit);
    const districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
    const city = await f.admin('cityAdmin', f.city);
    const elsewhere = await f.unit({ district: 'keqiao' });
    const [a, b] = await f.nominations(unit, 2);
    dataOf(await h.call('nomination', 'review', approval(a.id), unitAdmin));
    const refused = await h.call('nomination', 'review', approval(b.id), unitAdmin);
    expect(refused).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'QUOTA.EXCEEDED', details: { limit: 1, used: 1 } }),
      }),
    );
    const raise = { unitId: unit._id, quota: 3, reason: '企业青年骨干多' };
    expect(codeOf(await h.call('admin', 'setQuota', raise, unitAdmin))).toBe('AUTH.FORBIDDEN');
    expect(
      codeOf(await h.call('admin', 'setQuota', { unitId: elsewhere._id, quota: 3, reason: '跨区调整' }, districtAdmin)),
    ).toBe('AUTH.OUT_OF_SCOPE');
    const raised = dataOf(await h.call('admin', 'setQuota', raise, districtAdmin, 'req_quota0000001'));
    expect(raised.quota).toEqual(
      expect.objectContaining({ suggested: 1, override: 3, limit: 3, approved: 1, overrideReason: '企业青年骨干多' }),
    );
    expect(await h.deps.store.collection('audit').find({ requestId: 'req_quota0000001' })).toEqual([
      expect.objectContaining({ actor: districtAdmin.openid, details: { from: 1, to: 3, reason: '企业青年骨干多' } }),
    ]);
    expect(codeOf(await h.call('nomination', 'review', approval(b.id), unitAdmin))).toBe('OK');
    expect(codeOf(await h.call('admin', 'setQuota', { unitId: unit._id, quota: 1, reason: '压缩名额' }, city))).toBe(
      'QUOTA.BELOW_USED',
    );
  });
});
