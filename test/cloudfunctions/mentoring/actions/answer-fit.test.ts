import type { MatchDoc, MenteeDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

const meeting = (agreementId: string) =>
  ({ agreementId, date: '2026-11-25', form: 'online', summary: '线上初次交流' }) as const;

describe('mentoring.answerFit', () => {
  it('is asked after the first meeting; 再看看 may be answered again, 合适 closes the question', async () => {
    const { f, s, mentor, youth, agreementId } = await pairScene();
    const fit = (answer: 'good' | 'unsure' | 'poor', who: { openid: string } = youth) =>
      f.h.call('mentoring', 'answerFit', { agreementId, answer }, who);
    expect(codeOf(await fit('good'))).toBe('MENTORING.NO_MEETING');
    dataOf(await f.h.call('mentoring', 'logMeeting', meeting(agreementId), mentor));
    expect(dataOf(await fit('unsure')).fit).toEqual({ mentor: null, youth: 'unsure' });
    const good = dataOf(await fit('good'));
    expect(good).toMatchObject({ fit: { youth: 'good' }, canAnswerFit: false, status: 'unsigned' });
    expect(codeOf(await fit('poor'))).toBe('MENTORING.INVALID_STATE');
    expect(codeOf(await fit('good', s.city))).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await fit('good', mentor)).fit).toEqual({ mentor: 'good', youth: 'good' });
  });

  it('不合适 ends the pair early: the youth returns to the pool, the mentor’s place is freed, the admins are told', async () => {
    const { f, s, mentor, youth, agreementId } = await pairScene();
    dataOf(await f.h.call('mentoring', 'logMeeting', meeting(agreementId), youth));
    const ended = dataOf(await f.h.call('mentoring', 'answerFit', { agreementId, answer: 'poor' }, mentor));
    expect(ended).toMatchObject({ status: 'ended', reason: '首次见面后认为结对不合适，重新匹配' });
    const match = await f.h.deps.store.collection<MatchDoc>('matches').get(agreementId);
    expect(match?.status).toBe('ended');
    expect((await f.h.deps.store.collection<MenteeDoc>('mentees').get(youth.id))?.openMatchId).toBeNull();
    expect(dataOf(await f.h.call('mentoring', 'myProfile', {}, mentor)).load).toBe(0);
    const pool = dataOf(await f.h.call('mentoring', 'pool', {}, s.city));
    expect(pool.items.map((y) => y.nominationId)).toContain(youth.id);
    expect(
      await f.h.deps.store.collection('outbox').count({ toOpenid: s.keqiaoAdmin.openid, title: '结对需重新匹配' }),
    ).toBe(1);
    expect(await f.h.deps.store.collection('outbox').count({ toOpenid: youth.openid, title: '结对已结束' })).toBe(1);
  });
});
