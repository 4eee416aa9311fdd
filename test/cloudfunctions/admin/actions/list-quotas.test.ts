import type { UnitCategory } from '../../../../miniprogram/core/org';
import { fixture } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';

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
