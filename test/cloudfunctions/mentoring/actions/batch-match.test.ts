import type { MatchDoc } from '../../../../cloudfunctions/_lib/collections';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.batchMatch', () => {
  it('drafts the optimal assignment under the capacities: both youths matched, the most score', async () => {
    const s = await scene();
    // The finance mentor suits both youths best, but has one place; the education mentor only suits the teacher.
    const finance = await s.mentor(
      { districtId: 'keqiao', capacity: 1, expertise: ['金融服务', '教育培训'] },
      '钱导师',
    );
    const teacher = await s.mentor(
      { districtId: 'yuecheng', sector: 'education', capacity: 1, expertise: ['教育培训'] },
      '孙导师',
    );
    const banker = await s.selected(s.bank, { sector: 'finance', goals: ['金融服务'] });
    const educator = await s.selected(s.bank, { sector: 'education', goals: ['教育培训'] });
    const out = dataOf(await s.f.h.call('mentoring', 'batchMatch', {}, s.city));
    expect(out).toMatchObject({ drafted: 2, unmatched: 0, totalScore: 90 + 60 });
    const drafts = await s.f.h.deps.store.collection<MatchDoc>('matches').find({ status: 'draft' });
    const pairs = Object.fromEntries(drafts.map((d) => [d.nominationId, d.mentorId]));
    expect(pairs).toEqual({ [banker.id]: finance.openid, [educator.id]: teacher.openid });
    expect(drafts.every((d) => d.batchId === out.batchId)).toBe(true);
  });

  it('a new run replaces the scope’s drafts; a district runs on its own youths and group only', async () => {
    const s = await scene();
    await s.mentor({ districtId: 'keqiao', capacity: 5 });
    await s.mentor({ districtId: 'yuecheng', capacity: 5 });
    await s.selected(s.bank);
    await s.selected(s.school);
    const first = dataOf(await s.f.h.call('mentoring', 'batchMatch', { districtId: 'keqiao' }, s.keqiaoAdmin));
    expect(first.drafted).toBe(1);
    const second = dataOf(await s.f.h.call('mentoring', 'batchMatch', {}, s.keqiaoAdmin));
    const col = s.f.h.deps.store.collection<MatchDoc>('matches');
    expect((await col.find({ status: 'draft' })).map((d) => d.batchId)).toEqual([second.batchId]);
    expect(await col.count({ batchId: first.batchId, status: 'discarded' })).toBe(1);
    expect(codeOf(await s.f.h.call('mentoring', 'batchMatch', { districtId: 'yuecheng' }, s.keqiaoAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it('leaves youths unmatched when no place is left or every mentor is barred, and never drafts a barred pair', async () => {
    const s = await scene();
    await s.mentor({ unitId: s.bank._id, capacity: 5 });
    await s.selected(s.bank);
    await s.selected(s.bank);
    expect(dataOf(await s.f.h.call('mentoring', 'batchMatch', {}, s.city))).toMatchObject({ drafted: 0, unmatched: 2 });
  });
});
