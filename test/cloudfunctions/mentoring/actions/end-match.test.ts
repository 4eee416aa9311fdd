import type { AgreementDoc, MenteeDoc, MentorDoc } from '../../../../cloudfunctions/_lib/collections';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.endMatch', () => {
  it('ends an active pair with a reason: place freed, youth back in the pool, both told', async () => {
    const s = await scene();
    const m = await s.mentor();
    const y = await s.selected(s.bank);
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    const end = (who = s.keqiaoAdmin, reason = '导师工作调动') =>
      s.f.h.call('mentoring', 'endMatch', { matchId: d.id, reason }, who);
    expect(codeOf(await end())).toBe('MENTORING.INVALID_STATE'); // published, not active yet
    dataOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, m));
    expect(codeOf(await end(s.yuechengAdmin))).toBe('MENTORING.NOT_FOUND');
    expect(codeOf(await end(s.keqiaoAdmin, ''))).toBe('INPUT.INVALID');
    expect(codeOf(await s.f.h.call('mentoring', 'endMatch', { matchId: d.id, reason: '结束' }, m))).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(dataOf(await end())).toMatchObject({ status: 'ended', reason: '导师工作调动' });
    const { store } = s.f.h.deps;
    expect((await store.collection<MentorDoc>('mentors').get(m.openid))?.load).toBe(0);
    expect((await store.collection<MenteeDoc>('mentees').get(y.id))?.openMatchId).toBeNull();
    expect(await store.collection('outbox').count({ title: '结对已结束' })).toBe(2);
    // Its agreement ends with it, for the same reason: no loop runs on for a pair that no longer exists.
    expect(await store.collection<AgreementDoc>('agreements').get(d.id)).toMatchObject({
      status: 'ended',
      reason: '导师工作调动',
    });
    expect(codeOf(await end())).toBe('MENTORING.INVALID_STATE');
  });
});
