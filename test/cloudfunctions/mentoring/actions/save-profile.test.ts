import type { MentorProfileInputType } from '../../../../miniprogram/core/contracts/mentoring';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

const profile: MentorProfileInputType = {
  orgName: '绍兴银行',
  sector: 'finance',
  districtId: 'keqiao',
  expertise: ['数字化改革'],
  capacity: 3,
  excludedNames: ['张三'],
};

describe('mentoring.saveProfile', () => {
  it('saves the profile with the unit of the reporting line, and refuses unknown places and expertise', async () => {
    const s = await scene();
    const m = await s.f.account([{ role: 'mentor', orgId: s.f.city._id }]);
    const saved = dataOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, unitId: s.bank._id }, m));
    expect(saved).toMatchObject({ unitId: s.bank._id, excludedNames: ['张三'], capacity: 3, complete: true });
    expect(codeOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, districtId: 'nowhere' }, m))).toBe(
      'ORG.NOT_FOUND',
    );
    expect(codeOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, unitId: 'keqiao' }, m))).toBe(
      'ORG.NOT_FOUND',
    );
    expect(codeOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, expertise: ['炼金术'] }, m))).toBe(
      'MENTORING.UNKNOWN_EXPERTISE',
    );
    expect(codeOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, capacity: 11 }, m))).toBe('INPUT.INVALID');
    expect(codeOf(await s.f.h.call('mentoring', 'saveProfile', profile, s.keqiaoAdmin))).toBe('AUTH.FORBIDDEN');
  });

  it('cannot lower the capacity below the mentees the mentor has', async () => {
    const s = await scene();
    const m = await s.mentor({ capacity: 2 });
    const y1 = await s.selected(s.school);
    const y2 = await s.selected(s.school);
    for (const y of [y1, y2]) {
      const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
      dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    }
    expect(codeOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, capacity: 1 }, m))).toBe(
      'MENTORING.OVER_CAPACITY',
    );
    expect(dataOf(await s.f.h.call('mentoring', 'saveProfile', { ...profile, capacity: 2 }, m)).load).toBe(2);
  });
});
