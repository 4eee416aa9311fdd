import {
  CYCLE_FLOW,
  CYCLE_STATUSES,
  goneQuiet,
  overdueLevel,
  pairHealth,
  STEP_EVENT,
  STEP_OWNER,
  stepDue,
  type CycleEvent,
  type PairFacts,
} from '../../miniprogram/core/mentoring-cycle';
import { transitionFor } from '../../miniprogram/core/workflow';

const DAY = 24 * 3600 * 1000;
const T0 = new Date('2026-12-01T02:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe('the cycle table, every row', () => {
  it.each([
    ['tasks', 'setTasks', 'report', ['owner']],
    ['report', 'report', 'evaluate', ['owner']],
    ['evaluate', 'evaluate', 'acknowledge', ['owner']],
    ['acknowledge', 'acknowledge', 'plan', ['owner']],
    ['plan', 'plan', 'done', ['owner', 'nextCycle']],
  ] as const)('%s --%s--> %s', (from, event, to, requires) => {
    const row = transitionFor(CYCLE_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row?.requires).toEqual(requires);
  });

  it('allows nothing else, and each open step has its event and owner', () => {
    const events: CycleEvent[] = ['setTasks', 'report', 'evaluate', 'acknowledge', 'plan'];
    const allowed = CYCLE_STATUSES.flatMap((s) =>
      events.filter((e) => transitionFor(CYCLE_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed).toEqual([
      'tasks:setTasks',
      'report:report',
      'evaluate:evaluate',
      'acknowledge:acknowledge',
      'plan:plan',
    ]);
    expect(STEP_EVENT).toEqual({
      tasks: 'setTasks',
      report: 'report',
      evaluate: 'evaluate',
      acknowledge: 'acknowledge',
      plan: 'plan',
    });
    expect(STEP_OWNER).toEqual({
      tasks: 'mentor',
      report: 'youth',
      evaluate: 'mentor',
      acknowledge: 'youth',
      plan: 'youth',
    });
  });
});

describe('due dates and overdue steps', () => {
  it('spreads the steps over the cycle, never less than a day after the step opened', () => {
    expect(stepDue('tasks', T0, 30, T0)).toEqual(at(6));
    expect(stepDue('report', T0, 30, T0)).toEqual(at(18));
    expect(stepDue('evaluate', T0, 30, T0)).toEqual(at(23));
    expect(stepDue('acknowledge', T0, 30, T0)).toEqual(at(26));
    expect(stepDue('plan', T0, 30, T0)).toEqual(at(30));
    expect(stepDue('report', T0, 30, at(20))).toEqual(at(21));
    expect(stepDue('tasks', T0, 14, T0)).toEqual(at(3));
  });

  it('reminds after the due date, tells the unit after a second period', () => {
    expect(overdueLevel(at(6), T0, at(6))).toBe('none');
    expect(overdueLevel(at(7), T0, at(6))).toBe('remind');
    expect(overdueLevel(at(12), T0, at(6))).toBe('remind');
    expect(overdueLevel(at(12.1), T0, at(6))).toBe('escalate');
  });
});

describe('pair health', () => {
  const facts = (over: Partial<PairFacts> = {}): PairFacts => ({
    activeSince: T0,
    lastStepAt: T0,
    stepsDone: 0,
    stepsOnTime: 0,
    openDue: at(6),
    ratings: [],
    fitDoubt: false,
    ...over,
  });

  it('too early to tell in the first month with nothing done, or before both signed', () => {
    expect(pairHealth(at(3), facts())).toBe('too_early');
    expect(pairHealth(at(3), facts({ activeSince: null, openDue: null }))).toBe('too_early');
  });

  it('on track once steps come on time', () => {
    expect(
      pairHealth(at(5), facts({ stepsDone: 5, stepsOnTime: 5, lastStepAt: at(4), openDue: at(36), ratings: [3] })),
    ).toBe('on_track');
  });

  it('needs attention when quiet, overdue, poorly rated or the fit is in doubt', () => {
    const good = { stepsDone: 5, stepsOnTime: 5, lastStepAt: at(4), openDue: at(36), ratings: [3] };
    expect(goneQuiet(at(4 + 29), at(4))).toBe(true);
    expect(goneQuiet(at(4 + 27), at(4))).toBe(false);
    expect(pairHealth(at(34), facts(good))).toBe('attention');
    expect(pairHealth(at(10), facts({ ...good, openDue: at(8) }))).toBe('attention');
    expect(pairHealth(at(10), facts({ ...good, ratings: [3, 2] }))).toBe('attention');
    expect(pairHealth(at(10), facts({ ...good, fitDoubt: true }))).toBe('attention');
  });
});
