import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.suggest', () => {
  it('ranks the mentors who may take the youth, each explained, leaving out the barred', async () => {
    const s = await scene();
    const y = await s.selected(s.bank, { sector: 'finance', goals: ['数字化改革', '金融服务'] });
    const best = await s.mentor({ districtId: 'keqiao', expertise: ['数字化改革', '金融服务'] }, '钱导师');
    const far = await s.mentor({ districtId: 'yuecheng', sector: 'education', expertise: ['金融服务'] }, '孙导师');
    await s.mentor({ unitId: s.bank._id }, '同单位'); // the youth's own reporting line
    await s.mentor({ excludedNames: [y.name] }, '回避者');
    await s.f.account([{ role: 'mentor', orgId: s.f.city._id }]); // no profile yet
    const out = dataOf(await s.f.h.call('mentoring', 'suggest', { nominationId: y.id }, s.city));
    expect(out.map((x) => [x.mentorId, x.score, x.explanation])).toEqual([
      [best.openid, 110, '同属金融系统 · 同在柯桥区 · 擅长数字化改革、金融服务'],
      [far.openid, 20, '擅长金融服务'],
    ]);
  });

  it('draws on the district’s own group for a district admin, and refuses outside youths and matched ones', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const own = await s.mentor({ districtId: 'keqiao' });
    await s.mentor({ districtId: 'yuecheng' });
    expect(
      dataOf(await s.f.h.call('mentoring', 'suggest', { nominationId: y.id }, s.keqiaoAdmin)).map((x) => x.mentorId),
    ).toEqual([own.openid]);
    expect(codeOf(await s.f.h.call('mentoring', 'suggest', { nominationId: y.id }, s.yuechengAdmin))).toBe(
      'NOMINATION.NOT_FOUND',
    );
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: own.openid }, s.city));
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'suggest', { nominationId: y.id }, s.city))).toBe(
      'MENTORING.YOUTH_MATCHED',
    );
  });
});
