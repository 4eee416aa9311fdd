import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.agreement', () => {
  it('is drawn up when the mentor confirms; its parties and the covering admins read it, others do not', async () => {
    const { f, s, mentor, youth, agreementId } = await pairScene();
    const a = dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, youth));
    expect(a).toMatchObject({ status: 'unsigned', statusLabel: '待签署', youthName: expect.any(String) });
    expect(a.paragraphs[0]).toContain('自愿结为师徒');
    expect(dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, mentor)).party).toBe('mentor');
    expect(dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, s.keqiaoAdmin)).party).toBeNull();
    expect(dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, s.city)).canSign).toBe(false);
    expect(codeOf(await f.h.call('mentoring', 'agreement', { agreementId }, s.yuechengAdmin))).toBe(
      'MENTORING.NOT_FOUND',
    );
    expect(codeOf(await f.h.call('mentoring', 'agreement', { agreementId: 'nope' }, mentor))).toBe(
      'MENTORING.NOT_FOUND',
    );
  });
});
