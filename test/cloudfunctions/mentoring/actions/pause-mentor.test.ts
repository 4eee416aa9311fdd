import type { MentorDoc } from '../../../../cloudfunctions/_lib/collections';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.pauseMentor', () => {
  it('pauses a mentor of the admin’s district with a reason: no suggestion, no new draft', async () => {
    const s = await scene();
    const m = await s.mentor({ districtId: 'keqiao' });
    const y = await s.selected(s.school);
    const paused = dataOf(
      await s.f.h.call('mentoring', 'pauseMentor', { mentorId: m.openid, reason: '外出挂职半年' }, s.keqiaoAdmin),
    );
    expect(paused).toMatchObject({ status: 'paused', pauseReason: '外出挂职半年' });
    expect(dataOf(await s.f.h.call('mentoring', 'suggest', { nominationId: y.id }, s.city))).toEqual([]);
    expect(codeOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city))).toBe(
      'MENTORING.BARRED',
    );
    const doc = await s.f.h.deps.store.collection<MentorDoc>('mentors').get(m.openid);
    expect(doc?.history.map((e) => [e.action, e.comment])).toEqual([['pause', '外出挂职半年']]);
  });

  it('refuses twice, without a reason, another district’s mentor and an unknown one', async () => {
    const s = await scene();
    const m = await s.mentor({ districtId: 'keqiao' });
    const call = (input: { mentorId: string; reason: string }, who = s.keqiaoAdmin) =>
      s.f.h.call('mentoring', 'pauseMentor', input, who);
    expect(codeOf(await call({ mentorId: m.openid, reason: '' }))).toBe('INPUT.INVALID');
    expect(codeOf(await call({ mentorId: m.openid, reason: '挂职' }, s.yuechengAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call({ mentorId: 'nobody', reason: '挂职' }))).toBe('MENTORING.NOT_FOUND');
    dataOf(await call({ mentorId: m.openid, reason: '挂职' }));
    expect(codeOf(await call({ mentorId: m.openid, reason: '挂职' }))).toBe('MENTORING.INVALID_STATE');
  });
});
