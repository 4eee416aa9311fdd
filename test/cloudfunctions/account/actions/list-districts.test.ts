import { fixture } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';

describe('account.listDistricts', () => {
  it('lists the city-level group and the districts/counties in the official order', async () => {
    const f = await fixture();
    // Created out of order: the list follows each district's `order`, not insertion.
    for (const id of ['xinchang', 'shengzhou', 'zhuji', 'shangyu', 'keqiao', 'yuecheng']) await f.district(id);
    const list = dataOf(await f.h.call('account', 'listDistricts', {}, null));
    expect(list.map((d) => d.name)).toEqual(['市级单位', '越城区', '柯桥区', '上虞区', '诸暨市', '嵊州市', '新昌县']);
  });
});
