import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.myMentoring', () => {
  it('shows a youth not selected, then their goals, then their published mentor with the reasons', async () => {
    const s = await scene();
    const bystander = await s.f.youth(s.bank);
    expect(dataOf(await s.f.h.call('mentoring', 'myMentoring', {}, bystander))).toEqual({
      selected: false,
      sector: null,
      goals: [],
      note: '',
      match: null,
    });
    const y = await s.selected(s.bank);
    expect(dataOf(await s.f.h.call('mentoring', 'myMentoring', {}, y))).toMatchObject({
      selected: true,
      goals: ['数字化改革'],
      match: null,
    });
    const m = await s.mentor({ districtId: 'yuecheng' }, '钱导师');
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    expect(dataOf(await s.f.h.call('mentoring', 'myMentoring', {}, y)).match).toBeNull(); // a draft is not shown
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    expect(dataOf(await s.f.h.call('mentoring', 'myMentoring', {}, y)).match).toMatchObject({
      status: 'published',
      mentorName: '钱导师',
      explanation: '同属金融系统 · 擅长数字化改革',
    });
    expect(codeOf(await s.f.h.call('mentoring', 'myMentoring', {}, m))).toBe('AUTH.FORBIDDEN');
  });
});
