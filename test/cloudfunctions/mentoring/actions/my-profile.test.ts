import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.myProfile', () => {
  it('is blank and incomplete before the first save, the saved profile after; mentors only', async () => {
    const s = await scene();
    const fresh = await s.f.account([{ role: 'mentor', orgId: s.f.city._id }], { name: '新导师' });
    expect(dataOf(await s.f.h.call('mentoring', 'myProfile', {}, fresh))).toMatchObject({
      name: '新导师',
      complete: false,
      orgName: '',
      load: 0,
    });
    const m = await s.mentor({ orgName: '柯桥区人民医院', sector: 'health' });
    expect(dataOf(await s.f.h.call('mentoring', 'myProfile', {}, m))).toMatchObject({
      orgName: '柯桥区人民医院',
      sector: 'health',
      districtName: '柯桥区',
      complete: true,
    });
    expect(codeOf(await s.f.h.call('mentoring', 'myProfile', {}, s.city))).toBe('AUTH.FORBIDDEN');
  });

  it('starts a mentor a district invited in that district', async () => {
    const s = await scene();
    const invited = await s.f.account([{ role: 'mentor', orgId: 'keqiao' }]);
    expect(dataOf(await s.f.h.call('mentoring', 'myProfile', {}, invited))).toMatchObject({
      districtId: 'keqiao',
      districtName: '柯桥区',
      complete: false,
    });
  });
});
