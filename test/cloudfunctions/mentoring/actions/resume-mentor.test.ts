import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.resumeMentor', () => {
  it('takes a paused mentor back into matching; an active one cannot be resumed', async () => {
    const s = await scene();
    const m = await s.mentor();
    const y = await s.selected(s.school);
    expect(codeOf(await s.f.h.call('mentoring', 'resumeMentor', { mentorId: m.openid }, s.city))).toBe(
      'MENTORING.INVALID_STATE',
    );
    dataOf(await s.f.h.call('mentoring', 'pauseMentor', { mentorId: m.openid, reason: '挂职' }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'resumeMentor', { mentorId: m.openid }, s.yuechengAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const back = dataOf(await s.f.h.call('mentoring', 'resumeMentor', { mentorId: m.openid }, s.keqiaoAdmin));
    expect(back).toMatchObject({ status: 'active', pauseReason: null });
    expect(
      dataOf(await s.f.h.call('mentoring', 'suggest', { nominationId: y.id }, s.city)).map((x) => x.mentorId),
    ).toEqual([m.openid]);
  });
});
