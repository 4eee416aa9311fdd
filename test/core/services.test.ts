import { chinaWorkdays } from '../../cloudfunctions/services/src/calendar';
import {
  checkFields,
  deadlines,
  DEFAULT_CATALOGUE,
  dueOf,
  fieldSummary,
  handlerActions,
  isOverdue,
  meetsCriteria,
  nextCheck,
  offerOpen,
  percentile,
  REQUEST_FLOW,
  REQUEST_STATUSES,
  requesterActions,
  statsOf,
  timerStep,
  type OfferCriteria,
  type RequestEvent,
  type RequestFacts,
} from '../../miniprogram/core/services';
import { transitionFor } from '../../miniprogram/core/workflow';

const at = (s: string) => new Date(s);

describe('the request table, every row', () => {
  it.each([
    ['submitted', 'accept', 'accepted', ['handler']],
    ['submitted', 'decline', 'declined', ['handler', 'text']],
    ['accepted', 'note', 'in_progress', ['handler', 'text']],
    ['in_progress', 'note', 'in_progress', ['handler', 'text']],
    ['accepted', 'resolve', 'resolved', ['handler', 'text']],
    ['in_progress', 'resolve', 'resolved', ['handler', 'text']],
    ['resolved', 'confirm', 'closed', ['requester', 'rating']],
    ['resolved', 'reopen', 'in_progress', ['requester', 'text', 'reopenWindow']],
  ] as const)('%s --%s--> %s', (from, event, to, requires) => {
    const row = transitionFor(REQUEST_FLOW, from, event);
    expect(row?.to).toBe(to);
    expect(row?.requires).toEqual(requires);
  });

  it('allows nothing else', () => {
    const events: RequestEvent[] = ['accept', 'decline', 'note', 'resolve', 'confirm', 'reopen'];
    const allowed = REQUEST_STATUSES.flatMap((s) =>
      events.filter((e) => transitionFor(REQUEST_FLOW, s, e)).map((e) => `${s}:${e}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'submitted:accept',
        'submitted:decline',
        'accepted:note',
        'accepted:resolve',
        'in_progress:note',
        'in_progress:resolve',
        'resolved:confirm',
        'resolved:reopen',
      ].sort(),
    );
  });

  it('what the pages offer follows the table; reopening only within 7 days', () => {
    expect(handlerActions('submitted')).toEqual(['accept', 'decline']);
    expect(handlerActions('in_progress')).toEqual(['note', 'resolve']);
    expect(handlerActions('closed')).toEqual([]);
    const resolvedAt = at('2026-11-01T10:00:00+08:00');
    expect(requesterActions('resolved', resolvedAt, at('2026-11-08T10:00:00+08:00'))).toEqual(['confirm', 'reopen']);
    expect(requesterActions('resolved', resolvedAt, at('2026-11-08T10:00:01+08:00'))).toEqual(['confirm']);
    expect(requesterActions('in_progress', null, resolvedAt)).toEqual([]);
  });
});

describe('the catalogue and its fields', () => {
  const housing = DEFAULT_CATALOGUE.find((t) => t.id === 'housing')!;

  it('has the six types of R7.2; dating and children are sensitive', () => {
    expect(DEFAULT_CATALOGUE.map((t) => t.name)).toEqual([
      '租房置业',
      '子女教育',
      '婚恋交友',
      '人才政策兑现',
      '技能提升',
      '兴趣培养',
    ]);
    expect(DEFAULT_CATALOGUE.filter((t) => t.sensitive).map((t) => t.id)).toEqual(['children', 'dating']);
  });

  it('checks required fields, options and unknown keys', () => {
    expect(checkFields(housing.fields, { mode: '租房', district: '越城区', budget: '2000–4000元/月' })).toEqual([]);
    expect(checkFields(housing.fields, { mode: '借住', district: '越城区', extra: 'x' })).toEqual([
      { path: 'fields.extra', code: 'unknown' },
      { path: 'fields.mode', code: 'invalid_option' },
      { path: 'fields.budget', code: 'required' },
    ]);
    const talent = DEFAULT_CATALOGUE.find((t) => t.id === 'talent')!;
    expect(checkFields(talent.fields, { policy: '落户' })).toEqual([]);
    expect(checkFields(talent.fields, { policy: '落户', level: '很'.repeat(41) })).toEqual([
      { path: 'fields.level', code: 'too_long' },
    ]);
  });

  it('summarises the fields in the type’s order', () => {
    expect(fieldSummary(housing.fields, { budget: '150万元以下', mode: '购房', district: '柯桥区' })).toBe(
      '需求：购房 · 意向区域：柯桥区 · 预算范围：150万元以下',
    );
  });
});

describe('time limits and escalation', () => {
  const submitted = at('2026-09-30T10:00:00+08:00');
  const d = deadlines(submitted, 10, chinaWorkdays);

  it('acceptance within a working day, resolution within the type’s limit, both across the holiday', () => {
    expect(d.acceptBy.toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(d.resolveBy.toISOString()).toBe('2026-10-20T15:59:59.999Z');
  });

  it('overdue while not accepted past a working day, or open past the limit', () => {
    const t = { ...d, status: 'submitted' as const };
    expect(isOverdue(t, at('2026-10-08T23:59:00+08:00'))).toBe(false);
    expect(isOverdue(t, at('2026-10-09T00:00:00+08:00'))).toBe(true);
    expect(isOverdue({ ...t, status: 'in_progress' }, at('2026-10-09T00:00:00+08:00'))).toBe(false);
    expect(isOverdue({ ...t, status: 'in_progress' }, at('2026-10-21T00:00:00+08:00'))).toBe(true);
    expect(isOverdue({ ...t, status: 'resolved' }, at('2027-01-01T00:00:00+08:00'))).toBe(false);
    expect(dueOf({ ...t, status: 'closed' })).toBeNull();
  });

  it('the timer: remind on late acceptance, escalate once past the limit, then leave it', () => {
    const base = { ...d, level: 'district' as const, escalated: false, remindedAccept: false, remindedResolve: false };
    const sub = { ...base, status: 'submitted' as const };
    expect(timerStep(sub, at('2026-10-01T10:00:00+08:00'))).toEqual({ stage: null, escalate: false });
    expect(nextCheck(sub)).toEqual(d.acceptBy);
    expect(timerStep(sub, at('2026-10-09T10:00:00+08:00'))).toEqual({ stage: 'accept', escalate: false });
    const reminded = { ...sub, remindedAccept: true };
    expect(timerStep(reminded, at('2026-10-09T10:00:00+08:00'))).toEqual({ stage: null, escalate: false });
    expect(nextCheck(reminded)).toEqual(d.resolveBy);
    const past = at('2026-10-21T10:00:00+08:00');
    const open = { ...base, status: 'in_progress' as const };
    expect(timerStep(open, past)).toEqual({ stage: 'resolve', escalate: true });
    expect(timerStep({ ...open, escalated: true }, past)).toEqual({ stage: 'resolve', escalate: false });
    expect(timerStep({ ...open, remindedResolve: true, escalated: true }, past)).toEqual({
      stage: null,
      escalate: false,
    });
    expect(nextCheck({ ...open, remindedResolve: true })).toBeNull();
    expect(timerStep({ ...open, level: 'city' }, past)).toEqual({ stage: 'resolve', escalate: false });
    expect(timerStep({ ...base, status: 'resolved' }, past)).toEqual({ stage: null, escalate: false });
    expect(nextCheck({ ...base, status: 'closed' })).toBeNull();
  });
});

describe('dashboard figures', () => {
  it('nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });

  it('volume, times, overdue share and satisfaction', () => {
    const s = at('2026-11-02T09:00:00+08:00');
    const row = (over: Partial<RequestFacts>): RequestFacts => ({
      status: 'closed',
      submittedAt: s,
      acceptedAt: at('2026-11-02T11:00:00+08:00'),
      resolvedAt: at('2026-11-03T09:00:00+08:00'),
      acceptBy: at('2026-11-03T23:59:59.999+08:00'),
      resolveBy: at('2026-11-16T23:59:59.999+08:00'),
      rating: 5,
      wasOverdue: false,
      ...over,
    });
    const stats = statsOf(
      [
        row({}),
        row({ rating: 4, resolvedAt: at('2026-11-05T09:00:00+08:00') }),
        row({ status: 'submitted', acceptedAt: null, resolvedAt: null, rating: null }),
      ],
      at('2026-11-10T10:00:00+08:00'),
    );
    expect(stats).toEqual({
      volume: 3,
      open: 1,
      acceptMedianH: 2,
      acceptP90H: 2,
      resolveMedianH: 24,
      resolveP90H: 72,
      overduePct: 33.3,
      satisfaction: 4.5,
      rated: 2,
    });
    expect(statsOf([], s).overduePct).toBeNull();
  });
});

describe('offer criteria (政策找人)', () => {
  const none: OfferCriteria = {
    education: [],
    titles: [],
    districtIds: [],
    unitCategories: [],
    politicalStatus: [],
    selectedIn: null,
  };
  const youth = {
    education: 'master',
    title: '高级工程师',
    districtId: 'keqiao',
    unitCategory: 'two_new',
    politicalStatus: 'party_member',
    periodId: 'p1',
    status: 'approved',
  };

  it.each([
    ['no criteria: everyone', {}, true],
    ['education matches', { education: ['master', 'doctor'] }, true],
    ['education does not', { education: ['doctor'] }, false],
    ['title contains', { titles: ['工程师'] }, true],
    ['title does not', { titles: ['教师'] }, false],
    ['district', { districtIds: ['keqiao'] }, true],
    ['other district', { districtIds: ['yuecheng'] }, false],
    ['unit category', { unitCategories: ['soe'] }, false],
    ['political status', { politicalStatus: ['party_member'] }, true],
    ['selected in the period', { selectedIn: 'p1' }, true],
    ['selected in another period', { selectedIn: 'p0' }, false],
    ['all together', { education: ['master'], districtIds: ['keqiao'], selectedIn: 'p1' }, true],
  ] as const)('%s', (_name, over, expected) => {
    expect(meetsCriteria({ ...none, ...over } as OfferCriteria, youth)).toBe(expected);
  });

  it('a submitted (not selected) youth does not meet "selected in"', () => {
    expect(meetsCriteria({ ...none, selectedIn: 'p1' }, { ...youth, status: 'submitted' })).toBe(false);
  });

  it('open through its closing date', () => {
    expect(offerOpen('2026-12-01', '2026-12-01')).toBe(true);
    expect(offerOpen('2026-12-01', '2026-12-02')).toBe(false);
  });
});
