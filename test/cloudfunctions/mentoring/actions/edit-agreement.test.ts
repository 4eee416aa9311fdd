import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.editAgreement', () => {
  it('a party sets the term, the cycle and the starting self-ratings; the text and its hash follow', async () => {
    const { f, youth, mentor, agreementId } = await pairScene();
    const a = dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, youth));
    expect(a.goals.map((g) => g.goal)).toEqual(['数字化改革', '金融服务']);
    expect(a).toMatchObject({ months: 12, cycleDays: 30, party: 'youth' });
    const e = dataOf(
      await f.h.call('mentoring', 'editAgreement', { agreementId, months: 24, cycleDays: 14, ratings: [1, 3] }, youth),
    );
    expect(e.goals.map((g) => g.start)).toEqual([1, 3]);
    expect(e.paragraphs.join('')).toContain('结对期限为24个月');
    expect(e.paragraphs.join('')).toContain('以每两周为一个周期');
    expect(e.textHash).not.toBe(a.textHash);
    expect(dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, mentor)).textHash).toBe(e.textHash);
    expect(
      codeOf(
        await f.h.call(
          'mentoring',
          'editAgreement',
          { agreementId, months: 7 as 6, cycleDays: 30, ratings: [] },
          youth,
        ),
      ),
    ).toBe('INPUT.INVALID');
  });
});
