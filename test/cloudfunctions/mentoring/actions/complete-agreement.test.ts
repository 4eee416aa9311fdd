import type { MatchDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.completeAgreement', () => {
  it('the mentor closes an active agreement with a final assessment re-rating every goal set at the start', async () => {
    const p = await pairScene();
    const { f, mentor, youth, agreementId } = p;
    const complete = (finals: number[], who = mentor) =>
      f.h.call('mentoring', 'completeAgreement', { agreementId, finals, comment: '进步明显，达成目标' }, who);
    expect(codeOf(await complete([4, 4]))).toBe('MENTORING.INVALID_STATE');
    await p.signBoth();
    expect(codeOf(await complete([4, 4], youth))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await complete([4]))).toBe('INPUT.INVALID');
    const done = dataOf(await complete([4, 5]));
    expect(done).toMatchObject({ status: 'completed', finalComment: '进步明显，达成目标' });
    expect(done.goals).toEqual([
      { goal: '数字化改革', start: 2, final: 4 },
      { goal: '金融服务', start: 2, final: 5 },
    ]);
    expect((await f.h.deps.store.collection<MatchDoc>('matches').get(agreementId))?.status).toBe('ended');
    expect(codeOf(await complete([4, 5]))).toBe('MENTORING.INVALID_STATE');
  });
});
