import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.group', () => {
  it('shows each district with its load, and a district admin only its own group', async () => {
    const s = await scene();
    const a = await s.mentor({ districtId: 'keqiao', capacity: 3 });
    await s.mentor({ districtId: 'keqiao', capacity: 2 });
    await s.mentor({ districtId: 'yuecheng', capacity: 4 });
    const y = await s.selected(s.school);
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: a.openid }, s.city));
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));

    const all = dataOf(await s.f.h.call('mentoring', 'group', {}, s.city));
    expect(all.total).toBe(3);
    expect(all.districts.find((x) => x.districtId === 'keqiao')).toEqual({
      districtId: 'keqiao',
      districtName: '柯桥区',
      mentors: 2,
      load: 1,
      capacity: 5,
    });
    const own = dataOf(await s.f.h.call('mentoring', 'group', {}, s.keqiaoAdmin));
    expect(own.items.map((m) => m.districtId)).toEqual(['keqiao', 'keqiao']);
    expect(own.districts.map((x) => x.districtId)).toEqual(['keqiao']);
    expect(codeOf(await s.f.h.call('mentoring', 'group', { districtId: 'yuecheng' }, s.keqiaoAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const unitAdmin = await s.f.admin('unitAdmin', s.bank);
    expect(codeOf(await s.f.h.call('mentoring', 'group', {}, unitAdmin))).toBe('AUTH.FORBIDDEN');
  });
});
