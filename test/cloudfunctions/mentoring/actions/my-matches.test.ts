import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.myMatches', () => {
  it('lists the mentor’s published and active mentees with their goals, never drafts or declined ones', async () => {
    const s = await scene();
    const m = await s.mentor({ capacity: 5 });
    const a = await s.selected(s.school, { sector: 'education', goals: ['教育培训'] });
    const b = await s.selected(s.bank);
    const c = await s.selected(await s.f.unit({ district: s.yuecheng }));
    const ids: string[] = [];
    for (const y of [a, b, c]) {
      ids.push(dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city)).id);
    }
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: ids.slice(0, 2) }, s.city));
    dataOf(await s.f.h.call('mentoring', 'decline', { matchId: ids[1], reason: '工作调动' }, b));
    const mine = dataOf(await s.f.h.call('mentoring', 'myMatches', {}, m));
    expect(mine.map((x) => [x.youthName, x.status, x.goals])).toEqual([[a.name, 'published', ['教育培训']]]);
    expect(JSON.stringify(mine)).not.toMatch(/\d{6}\*{8}|139\d{8}/);
    expect(codeOf(await s.f.h.call('mentoring', 'myMatches', {}, a))).toBe('AUTH.FORBIDDEN');
  });
});
