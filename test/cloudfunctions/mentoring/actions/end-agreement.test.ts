import type { MatchDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.endAgreement', () => {
  it('a party or a covering admin ends it early with a reason; the match ends and the places are given back', async () => {
    const p = await pairScene();
    const { f, s, mentor, youth, agreementId } = p;
    await p.signBoth();
    const end = (who: typeof mentor, reason = '工作调动，无法继续结对') =>
      f.h.call('mentoring', 'endAgreement', { agreementId, reason }, who);
    expect(codeOf(await end(youth, ''))).toBe('INPUT.INVALID');
    expect(codeOf(await end(s.yuechengAdmin))).toBe('MENTORING.NOT_FOUND');
    const ended = dataOf(await end(youth));
    expect(ended).toMatchObject({ status: 'ended', reason: '工作调动，无法继续结对', canEnd: false });
    expect((await f.h.deps.store.collection<MatchDoc>('matches').get(agreementId))?.status).toBe('ended');
    expect(dataOf(await f.h.call('mentoring', 'myProfile', {}, mentor)).load).toBe(0);
    expect(await f.h.deps.store.collection('outbox').count({ toOpenid: mentor.openid, title: '结对已结束' })).toBe(1);
    expect(codeOf(await end(mentor))).toBe('MENTORING.INVALID_STATE');
  });

  it('an admin may end one that was never signed', async () => {
    const { f, s, agreementId } = await pairScene();
    const r = dataOf(
      await f.h.call('mentoring', 'endAgreement', { agreementId, reason: '青年已调离本市' }, s.keqiaoAdmin),
    );
    expect(r.status).toBe('ended');
  });
});
