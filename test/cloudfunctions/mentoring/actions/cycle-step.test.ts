import type { AgreementDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { openCycleOf, pairScene } from '../pair-scene';

describe('mentoring.cycleStep', () => {
  it('runs the loop: tasks → report → evaluate → acknowledge → plan, each by its owner; the plan opens the next cycle', async () => {
    const p = await pairScene();
    const { f, mentor, youth, agreementId } = p;
    await p.signBoth();
    const cycleId = (await openCycleOf(p)).id;
    const step = (input: Parameters<typeof f.h.call<'mentoring', 'cycleStep'>>[2], who = mentor) =>
      f.h.call('mentoring', 'cycleStep', input, who);
    const tasks = { cycleId, step: 'setTasks', tasks: ['读一本书'] as string[] } as const;
    const report = { cycleId, step: 'report', report: '读完了，写了读书笔记一篇。' } as const;

    // Wrong owner, wrong step.
    expect(codeOf(await step(tasks, youth))).toBe('MENTORING.NOT_PARTY');
    expect(codeOf(await step(report, youth))).toBe('MENTORING.INVALID_STATE');

    let t = dataOf(await step(tasks));
    expect(t.cycles[0]).toMatchObject({ status: 'report', owner: 'youth', tasks: ['读一本书'] });
    expect(codeOf(await step(report, mentor))).toBe('MENTORING.NOT_PARTY');
    t = dataOf(await step(report, youth));
    expect(t.cycles[0]).toMatchObject({ status: 'evaluate', owner: 'mentor', mine: false }); // the youth's view
    expect(codeOf(await step({ cycleId, step: 'evaluate', rating: 5 as 4, comment: '很好很好' }))).toBe(
      'INPUT.INVALID',
    );
    t = dataOf(await step({ cycleId, step: 'evaluate', rating: 3, comment: '笔记扎实，继续保持' }));
    expect(t.cycles[0]).toMatchObject({ status: 'acknowledge', rating: 3, comment: '笔记扎实，继续保持' });
    t = dataOf(await step({ cycleId, step: 'acknowledge' }, youth));
    expect(t.cycles[0]?.status).toBe('plan');
    t = dataOf(await step({ cycleId, step: 'plan', plan: '下月写一篇调研报告初稿。', due: '2026-12-31' }, youth));
    expect(t.cycles.map((c) => [c.n, c.status])).toEqual([
      [2, 'tasks'],
      [1, 'done'],
    ]);
    expect(t.cycles[1]?.steps.map((s) => s.label)).toEqual([
      '布置学习任务',
      '提交学习报告',
      '评价学习报告',
      '阅读并确认评价',
      '制定改进计划',
    ]);
    const a = await f.h.deps.store.collection<AgreementDoc>('agreements').get(agreementId);
    expect(a).toMatchObject({ stepsDone: 5, stepsOnTime: 5, ratings: [3] });
  });

  it('refuses before both signed, on someone else’s cycle, and after the agreement ended', async () => {
    const p = await pairScene();
    const { f, s, mentor, youth, agreementId } = p;
    await p.signBoth();
    const cycleId = (await openCycleOf(p)).id;
    const other = await s.mentor({}, '孙导师');
    const tasks = { cycleId, step: 'setTasks', tasks: ['读一本书'] as string[] } as const;
    expect(codeOf(await f.h.call('mentoring', 'cycleStep', tasks, other))).toBe('MENTORING.NOT_FOUND');
    expect(codeOf(await f.h.call('mentoring', 'cycleStep', { ...tasks, cycleId: 'x:1' }, mentor))).toBe(
      'MENTORING.NOT_FOUND',
    );
    dataOf(await f.h.call('mentoring', 'endAgreement', { agreementId, reason: '青年调离本市' }, youth));
    expect(codeOf(await f.h.call('mentoring', 'cycleStep', tasks, mentor))).toBe('MENTORING.INVALID_STATE');
  });
});
