import type { MatchDoc } from '../../../../cloudfunctions/_lib/collections';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.propose', () => {
  it('writes a draft with the score and reasons; a second proposal replaces the first draft', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const a = await s.mentor({}, '钱导师');
    const b = await s.mentor({ districtId: 'yuecheng' }, '孙导师');
    const first = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: a.openid }, s.city));
    expect(first).toMatchObject({ status: 'draft', mentorName: '钱导师', score: 90 });
    const second = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: b.openid }, s.city));
    const docs = await s.f.h.deps.store.collection<MatchDoc>('matches').find({ nominationId: y.id });
    expect(docs.map((d) => [d._id, d.status]).sort()).toEqual(
      [
        [first.id, 'discarded'],
        [second.id, 'draft'],
      ].sort(),
    );
  });

  it('refuses the hard rules: reporting line, exclusion, full, incomplete profile, unknown mentor or youth', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const call = (mentorId: string, nominationId = y.id) =>
      s.f.h.call('mentoring', 'propose', { nominationId, mentorId }, s.city);
    const sameUnit = await s.mentor({ unitId: s.bank._id });
    const excluding = await s.mentor({ excludedNames: [y.name] });
    const full = await s.mentor({ capacity: 1 });
    const bare = await s.f.account([{ role: 'mentor', orgId: s.f.city._id }]);
    const other = await s.selected(s.school);
    dataOf(await call(full.openid, other.id)); // a draft holds the place
    const barred = await call(sameUnit.openid);
    expect(codeOf(barred)).toBe('MENTORING.BARRED');
    expect(!barred.ok && barred.error.details).toEqual({ reason: '导师与该青年同属一条管理线，需回避' });
    expect(codeOf(await call(excluding.openid))).toBe('MENTORING.BARRED');
    expect(codeOf(await call(full.openid))).toBe('MENTORING.OVER_CAPACITY');
    expect(codeOf(await call(bare.openid))).toBe('MENTORING.PROFILE_INCOMPLETE');
    expect(codeOf(await call('nobody'))).toBe('MENTORING.NOT_FOUND');
    expect(codeOf(await call(full.openid, 'period:nobody'))).toBe('NOMINATION.NOT_FOUND');
    expect(
      codeOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: full.openid }, s.yuechengAdmin)),
    ).toBe('NOMINATION.NOT_FOUND');
  });
});
