import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.types', () => {
  it('the catalogue with each type’s handlers and where they work, for admins only', async () => {
    const s = await scene();
    const all = dataOf(await s.f.h.call('services', 'types', {}, s.districtAdmin));
    expect(all).toHaveLength(6);
    expect(all.find((t) => t.id === 'housing')?.handlers).toEqual([
      { orgId: 'yuecheng', orgName: '越城区', openid: s.housing.openid, name: '赵书记' },
      { orgId: 'city', orgName: '团市委', openid: s.city.openid, name: '周部长' },
    ]);
    expect(codeOf(await s.f.h.call('services', 'types', {}, s.youth))).toBe('AUTH.FORBIDDEN');
  });
});
