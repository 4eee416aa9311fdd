import type { UnitCategory } from '../../../../miniprogram/core/org';
import { approval, fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('admin.quotas (R3.1)', () => {
  it('shows each unit its suggested quota beside the approved count', async () => {
    const f = await fixture();
    const keqiao = await f.district('keqiao');
    const units: Array<[string, UnitCategory, number]> = [
      ['柯桥区人民政府办公室', 'party_gov', 12],
      ['柯桥区市场监督管理局', 'party_gov', 20],
      ['柯桥区城市建设投资集团有限公司', 'soe', 45],
      ['柯桥区农村商业银行', 'soe', 0],
      ['柯桥区智造科技有限公司', 'two_new', 39],
      ['柯桥区青年志愿者协会', 'two_new', 8],
      ['柯桥区城南街道', 'other_grassroots', 25],
    ];
    for (const [name, category, youthCount] of units) await f.unit({ name, category, youthCount, district: keqiao });
    await f.unit({ name: '越城区人民政府办公室', district: 'yuecheng' }); // another district: not listed
    const city = await f.admin('cityAdmin', f.city);
    const list = dataOf(await f.h.call('admin', 'quotas', { districtId: 'keqiao' }, city));
    const byName = Object.fromEntries(
      list.items.map((q) => [q.unitName, [q.youthCount, q.suggested, q.limit, q.approved]]),
    );
    expect(byName).toEqual({
      柯桥区人民政府办公室: [12, 1, 1, 0],
      柯桥区市场监督管理局: [20, 1, 1, 0],
      柯桥区城市建设投资集团有限公司: [45, 2, 2, 0],
      柯桥区农村商业银行: [0, 0, 0, 0],
      柯桥区智造科技有限公司: [39, 1, 1, 0],
      柯桥区青年志愿者协会: [8, 1, 1, 0],
      柯桥区城南街道: [25, 1, 1, 0],
    });
  });
});

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
      codeOf(await h.call('admin', 'setQuota', { unitId: elsewhere._id, quota: 3, reason: '跨区' }, districtAdmin)),
    ).toBe('AUTH.OUT_OF_SCOPE');
    const raised = dataOf(await h.call('admin', 'setQuota', raise, districtAdmin, 'req_quota0000001'));
    expect(raised.quota).toEqual(
      expect.objectContaining({ suggested: 1, override: 3, limit: 3, approved: 1, overrideReason: '企业青年骨干多' }),
    );
    expect(await h.deps.store.collection('audit').find({ requestId: 'req_quota0000001' })).toEqual([
      expect.objectContaining({ actor: districtAdmin.openid, details: { from: 1, to: 3, reason: '企业青年骨干多' } }),
    ]);
    expect(codeOf(await h.call('nomination', 'review', approval(b.id), unitAdmin))).toBe('OK');
    expect(codeOf(await h.call('admin', 'setQuota', { unitId: unit._id, quota: 1, reason: '压缩' }, city))).toBe(
      'QUOTA.BELOW_USED',
    );
  });
});
