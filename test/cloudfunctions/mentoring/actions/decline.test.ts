import type { MenteeDoc, MentorDoc } from '../../../../cloudfunctions/_lib/collections';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.decline', () => {
  it('the youth declines with a reason: the place is freed, the youth back in the pool, the mentor told', async () => {
    const s = await scene();
    const m = await s.mentor();
    const y = await s.selected(s.bank);
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'decline', { matchId: d.id, reason: '' }, y))).toBe('INPUT.INVALID');
    const out = dataOf(await s.f.h.call('mentoring', 'decline', { matchId: d.id, reason: '希望结对本行业导师' }, y));
    expect(out).toMatchObject({ status: 'declined', reason: '希望结对本行业导师' });
    const { store } = s.f.h.deps;
    expect((await store.collection<MentorDoc>('mentors').get(m.openid))?.load).toBe(0);
    expect((await store.collection<MenteeDoc>('mentees').get(y.id))?.openMatchId).toBeNull();
    expect(dataOf(await s.f.h.call('mentoring', 'pool', {}, s.city)).total).toBe(1);
    expect(await store.collection('outbox').count({ toOpenid: m.openid, title: '结对未成功' })).toBe(1);
    expect(codeOf(await s.f.h.call('mentoring', 'decline', { matchId: d.id, reason: '再次' }, y))).toBe(
      'MENTORING.INVALID_STATE',
    );
  });

  it('the mentor declines too; a stranger cannot, nor anyone an active match', async () => {
    const s = await scene();
    const m = await s.mentor();
    const y = await s.selected(s.bank);
    const stranger = await s.f.youth(s.bank);
    const propose = async () => {
      const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
      dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
      return d.id;
    };
    const first = await propose();
    expect(codeOf(await s.f.h.call('mentoring', 'decline', { matchId: first, reason: '时间冲突' }, stranger))).toBe(
      'MENTORING.NOT_PARTY',
    );
    dataOf(await s.f.h.call('mentoring', 'decline', { matchId: first, reason: '近期出差较多' }, m));
    expect(await s.f.h.deps.store.collection('outbox').count({ toOpenid: y.openid, title: '结对未成功' })).toBe(1);
    const second = await propose();
    dataOf(await s.f.h.call('mentoring', 'accept', { matchId: second }, m));
    expect(codeOf(await s.f.h.call('mentoring', 'decline', { matchId: second, reason: '不合适' }, y))).toBe(
      'MENTORING.INVALID_STATE',
    );
    expect(codeOf(await s.f.h.call('mentoring', 'decline', { matchId: 'nope', reason: '不合适' }, y))).toBe(
      'MENTORING.NOT_FOUND',
    );
  });
});
