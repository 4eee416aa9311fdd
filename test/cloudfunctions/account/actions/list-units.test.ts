import { fixture, type Fixture } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';

describe('account.listUnits', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
    const keqiao = await f.district('keqiao');
    for (const name of [
      '人民政府办公室',
      '市场监督管理局',
      '城市建设投资集团有限公司',
      '农村商业银行',
      '智造科技有限公司',
    ])
      await f.unit({ district: keqiao, name: `柯桥区${name}`, category: 'party_gov' });
    for (const name of ['青年志愿者协会', '城南街道']) await f.unit({ district: keqiao, name: `柯桥区${name}` });
    await f.unit({ district: 'yuecheng', name: '越城区农村商业银行', category: 'soe' });
  });

  it('lists units of a district with paging and keyword search', async () => {
    const page1 = dataOf(await f.h.call('account', 'listUnits', { districtId: 'keqiao', pageSize: 5 }, null));
    expect(page1).toEqual(expect.objectContaining({ total: 7, hasMore: true }));
    expect(page1.items).toHaveLength(5);
    const search = dataOf(await f.h.call('account', 'listUnits', { districtId: 'keqiao', keyword: '银行' }, null));
    expect(search.items.map((u) => u.name)).toEqual(['柯桥区农村商业银行']);
    const regexInjection = dataOf(
      await f.h.call('account', 'listUnits', { districtId: 'keqiao', keyword: '.*' }, null),
    );
    expect(regexInjection.total).toBe(0);
  });
});
