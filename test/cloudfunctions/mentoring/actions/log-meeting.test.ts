import { codeOf, dataOf } from '../../../support/harness';
import { pairScene } from '../pair-scene';

describe('mentoring.logMeeting', () => {
  it('either party logs a meeting (date, form, summary); it shows on both timelines and opens the fit question', async () => {
    const { f, s, mentor, youth, agreementId } = await pairScene();
    const meeting = { agreementId, date: '2026-11-25', form: 'offline', summary: '初次见面，了解工作情况' } as const;
    const t = dataOf(await f.h.call('mentoring', 'logMeeting', meeting, youth));
    expect(t.meetings).toMatchObject([{ date: '2026-11-25', form: '线下见面', summary: '初次见面，了解工作情况' }]);
    expect(t.agreement).toMatchObject({ meetings: 1, canAnswerFit: true });
    expect(dataOf(await f.h.call('mentoring', 'timeline', { agreementId }, mentor)).meetings).toHaveLength(1);
    expect(codeOf(await f.h.call('mentoring', 'logMeeting', meeting, s.city))).toBe('AUTH.FORBIDDEN');
    const other = await s.mentor({}, '钱导师');
    expect(codeOf(await f.h.call('mentoring', 'logMeeting', meeting, other))).toBe('MENTORING.NOT_FOUND');
    expect(codeOf(await f.h.call('mentoring', 'logMeeting', { ...meeting, summary: '好' }, youth))).toBe(
      'INPUT.INVALID',
    );
  });
});
