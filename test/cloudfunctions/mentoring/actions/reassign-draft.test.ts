import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.reassignDraft', () => {
  it('gives a draft another mentor with a fresh score, under the hard rules and places', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const a = await s.mentor({ districtId: 'yuecheng', sector: 'education' }, '孙导师');
    const b = await s.mentor({}, '钱导师');
    const barred = await s.mentor({ unitId: s.bank._id });
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: a.openid }, s.city));
    expect(d.score).toBe(20);
    const moved = dataOf(await s.f.h.call('mentoring', 'reassignDraft', { matchId: d.id, mentorId: b.openid }, s.city));
    expect(moved).toMatchObject({
      mentorName: '钱导师',
      score: 90,
      explanation: '同属金融系统 · 同在柯桥区 · 擅长数字化改革',
    });
    // Reassigning to the same mentor again does not count its own draft against the capacity.
    expect(
      dataOf(await s.f.h.call('mentoring', 'reassignDraft', { matchId: d.id, mentorId: b.openid }, s.city)).mentorId,
    ).toBe(b.openid);
    expect(
      codeOf(await s.f.h.call('mentoring', 'reassignDraft', { matchId: d.id, mentorId: barred.openid }, s.city)),
    ).toBe('MENTORING.BARRED');
    expect(
      codeOf(await s.f.h.call('mentoring', 'reassignDraft', { matchId: d.id, mentorId: b.openid }, s.yuechengAdmin)),
    ).toBe('MENTORING.NOT_FOUND');
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'reassignDraft', { matchId: d.id, mentorId: a.openid }, s.city))).toBe(
      'MENTORING.INVALID_STATE',
    );
  });

  it('refuses a mentor whose places are all held by drafts', async () => {
    const s = await scene();
    const one = await s.mentor({ capacity: 1 });
    const other = await s.mentor({});
    const y1 = await s.selected(s.school);
    const y2 = await s.selected(s.school);
    dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y1.id, mentorId: one.openid }, s.city));
    const d2 = dataOf(
      await s.f.h.call('mentoring', 'propose', { nominationId: y2.id, mentorId: other.openid }, s.city),
    );
    expect(
      codeOf(await s.f.h.call('mentoring', 'reassignDraft', { matchId: d2.id, mentorId: one.openid }, s.city)),
    ).toBe('MENTORING.OVER_CAPACITY');
  });
});
