import { chinaDate } from '../../miniprogram/core/china-time';
import {
  addDays,
  canDecideMeasure,
  cultivationScore,
  dueForWarning,
  leagueBirthday,
  leagueRouteGap,
  leagueRouteRequired,
  MEASURE_FLOW,
  MEASURE_STATUSES,
  meetsCriteria,
  monthsBefore,
  PARTY_FLOW,
  PARTY_STAGES,
  RESERVE_FLOW,
  RESERVE_STATUSES,
  reserveEventsFrom,
  type ReserveEvent,
  partyEventsFrom,
  percent,
  pipelineOrder,
  youthCoverage,
  type MeasureEvent,
  type PartyEvent,
} from '../../miniprogram/core/cultivation';
import { transitionFor } from '../../miniprogram/core/workflow';

describe('the measure table, every row', () => {
  it.each([
    ['pending', 'confirm', 'confirmed', []],
    ['pending', 'decline', 'declined', ['reason']],
  ] as const)('%s --%s--> %s', (from, event, to, requires) => {
    const row = transitionFor(MEASURE_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row && 'requires' in row ? row.requires : []).toEqual(requires);
  });

  it('allows nothing else, and pages offer a decision only on a pending record', () => {
    const events: MeasureEvent[] = ['confirm', 'decline'];
    const allowed = MEASURE_STATUSES.flatMap((s) =>
      events.filter((e) => transitionFor(MEASURE_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed).toEqual(['pending:confirm', 'pending:decline']);
    expect(MEASURE_STATUSES.filter(canDecideMeasure)).toEqual(['pending']);
  });
});

describe('the Party development table, every row', () => {
  it.each([
    ['applicant', 'recommend', 'recommended', ['leagueMember', 'quota']],
    ['recommended', 'activate', 'activist', ['leagueRoute']],
    ['applicant', 'activate', 'activist', ['leagueRoute']],
    ['activist', 'designate', 'candidate', []],
    ['candidate', 'admit', 'probationary', []],
    ['probationary', 'confirm', 'member', []],
  ] as const)('%s --%s--> %s', (from, event, to, requires) => {
    const row = transitionFor(PARTY_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row && 'requires' in row ? row.requires : []).toEqual(requires);
  });

  it('allows nothing else: no step back, no skipping, nothing after 正式党员', () => {
    const events: PartyEvent[] = ['recommend', 'activate', 'designate', 'admit', 'confirm'];
    const allowed = PARTY_STAGES.flatMap((s) =>
      events.filter((e) => transitionFor(PARTY_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'applicant:recommend',
        'applicant:activate',
        'recommended:activate',
        'activist:designate',
        'candidate:admit',
        'probationary:confirm',
      ].sort(),
    );
    expect(partyEventsFrom('applicant')).toEqual(['recommend', 'activate']);
    expect(partyEventsFrom('member')).toEqual([]);
  });
});

describe('the reserve-cadre table, every row', () => {
  it.each([
    ['nominated', 'admit', 'pool'],
    ['pool', 'inspect', 'inspection'],
    ['inspection', 'appoint', 'appointed'],
    ['nominated', 'withdraw', 'withdrawn'],
    ['pool', 'withdraw', 'withdrawn'],
    ['inspection', 'withdraw', 'withdrawn'],
  ] as const)('%s --%s--> %s, with a reason', (from, event, to) => {
    const row = transitionFor(RESERVE_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row?.requires).toEqual(['reason']);
  });

  it('allows nothing else: the appointed and the withdrawn are final', () => {
    const events: ReserveEvent[] = ['admit', 'inspect', 'appoint', 'withdraw'];
    const allowed = RESERVE_STATUSES.flatMap((s) =>
      events.filter((e) => transitionFor(RESERVE_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed).toHaveLength(6);
    expect(reserveEventsFrom('appointed')).toEqual([]);
    expect(reserveEventsFrom('withdrawn')).toEqual([]);
  });
});

describe('the age gate (R6.1), from the birth date in China time', () => {
  const born = '1998-12-01';
  // The China date of an instant the server reads under TZ=UTC: 16:00Z on 30 November is already 1 December in China.
  const on = (iso: string) => chinaDate(new Date(iso));

  it('is computed on the China date, not the host’s', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(on('2026-11-30T15:59:59Z')).toBe('2026-11-30');
    expect(on('2026-11-30T16:00:00Z')).toBe('2026-12-01');
  });

  it.each([
    ['the day before the 28th birthday', '2026-11-30T10:00:00Z', 27],
    ['the 28th birthday (China midnight, still 30 November in UTC)', '2026-11-30T16:00:00Z', 28],
    ['the day after the 28th birthday', '2026-12-02T10:00:00Z', 28],
  ])('%s: aged 28 or under, so the League route is required', (_when, instant) => {
    const today = on(instant);
    expect(leagueRouteRequired(born, today)).toBe(true);
    expect(leagueRouteGap({ birthDate: born, leagueMember: true, recommended: false }, today)).toBe('not_recommended');
    expect(leagueRouteGap({ birthDate: born, leagueMember: false, recommended: false }, today)).toBe(
      'not_league_member',
    );
    expect(leagueRouteGap({ birthDate: born, leagueMember: true, recommended: true }, today)).toBeNull();
  });

  it('ends on the 29th birthday: the day before it still requires the route, on it no longer', () => {
    expect(leagueRouteRequired(born, '2027-11-30')).toBe(true);
    expect(leagueRouteRequired(born, '2027-12-01')).toBe(false);
    expect(leagueRouteGap({ birthDate: born, leagueMember: false, recommended: false }, '2027-12-01')).toBeNull();
  });

  it('the 28th birthday of someone born on 29 February is 28 February in a common year', () => {
    expect(leagueBirthday('2000-02-29')).toBe('2028-02-29');
    expect(leagueBirthday('2072-02-29')).toBe('2100-02-28');
    expect(leagueBirthday('1997-03-01')).toBe('2025-03-01');
  });
});

describe('the warning ahead of the 28th birthday', () => {
  const born = '1998-12-01'; // 28 on 2026-12-01
  it.each([
    ['61 days before', '2026-10-01', false],
    ['60 days before', '2026-10-02', true],
    ['the day before', '2026-11-30', true],
    ['on the birthday', '2026-12-01', false],
    ['after it', '2026-12-02', false],
  ])('an applicant %s: %s', (_w, today, due) => {
    expect(dueForWarning('applicant', born, today)).toBe(due);
  });

  it('only applicants not yet recommended are warned', () => {
    for (const stage of PARTY_STAGES.filter((s) => s !== 'applicant'))
      expect(dueForWarning(stage, born, '2026-11-30')).toBe(false);
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('coverage', () => {
  it('six months back lands on the month’s last day when it is shorter', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-11-24', 6)).toBe('2026-05-24');
    expect(monthsBefore('2026-11-24', 12)).toBe('2025-11-24');
    expect(monthsBefore('2027-01-15', 1)).toBe('2026-12-15');
  });

  it('a confirmed talk in the last six months counts; a pending one, an older one or another kind does not', () => {
    const today = '2026-11-24';
    expect(youthCoverage([{ kind: 'talk', status: 'confirmed', startDate: '2026-05-24' }], today)).toEqual({
      talkedRecently: true,
      idle: false,
      lastMeasure: '2026-05-24',
    });
    expect(youthCoverage([{ kind: 'talk', status: 'confirmed', startDate: '2026-05-23' }], today).talkedRecently).toBe(
      false,
    );
    expect(youthCoverage([{ kind: 'talk', status: 'pending', startDate: '2026-11-01' }], today)).toEqual({
      talkedRecently: false,
      idle: true,
      lastMeasure: null,
    });
    expect(
      youthCoverage([{ kind: 'training', status: 'confirmed', startDate: '2026-11-01' }], today).talkedRecently,
    ).toBe(false);
  });

  it('no confirmed measure in a year is idle; one on the day a year ago is not', () => {
    const today = '2026-11-24';
    expect(youthCoverage([], today).idle).toBe(true);
    expect(youthCoverage([{ kind: 'frontline', status: 'confirmed', startDate: '2025-11-24' }], today).idle).toBe(
      false,
    );
    expect(youthCoverage([{ kind: 'frontline', status: 'confirmed', startDate: '2025-11-23' }], today).idle).toBe(true);
    expect(youthCoverage([{ kind: 'frontline', status: 'declined', startDate: '2026-11-01' }], today).idle).toBe(true);
  });

  it('shares are whole percentages', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
  });
});

describe('the pipeline order', () => {
  it('puts the 好青年 first, then the further stage, then the name', () => {
    const rows = [
      { selected: false, stage: 'candidate', name: '乙' },
      { selected: true, stage: 'applicant', name: '丙' },
      { selected: true, stage: 'activist', name: '丁' },
      { selected: false, stage: 'applicant', name: '甲' },
    ] as const;
    expect([...rows].sort(pipelineOrder).map((r) => r.name)).toEqual(['丁', '丙', '乙', '甲']);
  });
});

describe('campaign criteria and the shortlist score', () => {
  const y = { politicalStatus: 'league_member', birthDate: '1998-12-01', postSince: '2023-06-15' };
  const any = { politicalStatuses: [], maxAge: null, minYearsInPost: null };
  it('political status: any when empty, else one of the list', () => {
    expect(meetsCriteria(any, y, '2027-05-04')).toBe(true);
    expect(meetsCriteria({ ...any, politicalStatuses: ['league_member'] }, y, '2027-05-04')).toBe(true);
    expect(meetsCriteria({ ...any, politicalStatuses: ['cpc_member'] }, y, '2027-05-04')).toBe(false);
  });

  it('age on the closing date: the day before the birthday counts the younger age', () => {
    expect(meetsCriteria({ ...any, maxAge: 27 }, y, '2026-11-30')).toBe(true);
    expect(meetsCriteria({ ...any, maxAge: 27 }, y, '2026-12-01')).toBe(false);
  });

  it('years in post on the closing date: whole years since the post began, the anniversary counts', () => {
    const three = { ...any, minYearsInPost: 3 };
    expect(meetsCriteria(three, y, '2026-06-14')).toBe(false);
    expect(meetsCriteria(three, y, '2026-06-15')).toBe(true);
    expect(meetsCriteria(three, y, '2027-05-04')).toBe(true);
    expect(meetsCriteria({ ...any, minYearsInPost: 4 }, y, '2027-05-04')).toBe(false);
  });

  it('a youth without a post start date does not meet a years-in-post criterion, and any other', () => {
    const unknown = { ...y, postSince: null };
    expect(meetsCriteria({ ...any, minYearsInPost: 1 }, unknown, '2027-05-04')).toBe(false);
    expect(meetsCriteria(any, unknown, '2027-05-04')).toBe(true);
    expect(meetsCriteria({ ...any, maxAge: 35 }, unknown, '2027-05-04')).toBe(true);
  });

  it('scores confirmed measures only, a talk and a League secondment double', () => {
    expect(
      cultivationScore([
        { kind: 'talk', status: 'confirmed', startDate: '2026-01-01' },
        { kind: 'league_secondment', status: 'confirmed', startDate: '2026-01-01' },
        { kind: 'training', status: 'confirmed', startDate: '2026-01-01' },
        { kind: 'training', status: 'pending', startDate: '2026-01-01' },
        { kind: 'frontline', status: 'declined', startDate: '2026-01-01' },
      ]),
    ).toBe(5);
  });
});
