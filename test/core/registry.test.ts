import {
  agedOut,
  confirmationDue,
  isStale,
  lastRefusal,
  nextPeriodDraft,
  periodDiff,
  rolloverStatus,
  staleBefore,
  type PeriodForm,
} from '../../miniprogram/core/registry';

const NOW = new Date('2027-03-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const P2027: PeriodForm = {
  name: '2027年度选培计划',
  referenceDate: '2027-06-01',
  cutoffBirthDate: '1992-06-01',
  nominationOpensAt: '2026-07-31T16:00:00.000Z',
  nominationDeadline: '2027-07-31T15:59:59.999Z',
  filingDeadline: '2027-07-31T15:59:59.999Z',
  quotaRatio: 20,
  partyAgeLimit: 28,
  target: 1000,
  retentionDays: 30,
};

describe('staleness (issue 14)', () => {
  it.each([
    [364, false],
    [365, false],
    [366, true],
  ])('confirmed %i days ago → stale %s', (days, stale) => {
    const at = new Date(NOW.getTime() - days * DAY);
    expect(isStale(at, NOW)).toBe(stale);
    expect(confirmationDue({ status: 'active', lastConfirmedAt: at }, NOW)).toBe(stale);
    expect(confirmationDue({ status: 'alumni', lastConfirmedAt: at }, NOW)).toBe(false);
  });
  it('the boundary is a year before now', () => {
    expect(staleBefore(NOW).toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });
});

describe('alumni rules', () => {
  it.each([
    ['1992-05-31', true],
    ['1992-06-01', false],
    ['2000-01-01', false],
  ])('born %s, cutoff 1992-06-01 → aged out %s', (birth, out) => {
    expect(agedOut(birth, P2027)).toBe(out);
    expect(rolloverStatus({ status: 'active', birthDate: birth }, P2027)).toBe(out ? 'aged_out' : null);
  });
  it('an alumnus stays as they are', () => {
    expect(rolloverStatus({ status: 'alumni', birthDate: '1980-01-01' }, P2027)).toBeNull();
  });
});

describe('period transitions (R1.1)', () => {
  it('the next period starts three years on with the same ratios', () => {
    const next = nextPeriodDraft(P2027);
    expect(next).toEqual(
      expect.objectContaining({
        referenceDate: '2030-06-01',
        cutoffBirthDate: '1995-06-01',
        nominationOpensAt: '2029-07-31T16:00:00.000Z',
        nominationDeadline: '2030-07-31T15:59:59.999Z',
        quotaRatio: 20,
        target: 1000,
      }),
    );
  });
  it('the diff names what changes, instants as China dates', () => {
    const next = { ...nextPeriodDraft(P2027), quotaRatio: 25 };
    const diff = periodDiff(P2027, next);
    expect(diff.map((d) => d.field)).toEqual([
      'name',
      'referenceDate',
      'cutoffBirthDate',
      'nominationOpensAt',
      'nominationDeadline',
      'filingDeadline',
      'quotaRatio',
    ]);
    expect(diff.find((d) => d.field === 'nominationOpensAt')).toEqual(
      expect.objectContaining({ before: '2026-08-01', after: '2029-08-01' }),
    );
    expect(periodDiff(P2027, P2027)).toEqual([]);
    expect(periodDiff(null, P2027)).toHaveLength(10);
  });
});

describe('lastRefusal (issue 14: the youth reads why a change was refused)', () => {
  const at = (d: number) => new Date(NOW.getTime() + d * DAY);
  it('is the refusal only while it is the last word on a change', () => {
    const refused = [
      { at: at(0), event: 'imported' as const, note: null },
      { at: at(1), event: 'change_requested' as const, note: 'u2' },
      { at: at(2), event: 'change_rejected' as const, note: '查无此人' },
      { at: at(3), event: 'reminded' as const, note: null },
    ];
    expect(lastRefusal(refused)).toEqual({ reason: '查无此人', at: at(2) });
    expect(lastRefusal([...refused, { at: at(4), event: 'change_requested' as const, note: 'u3' }])).toBeNull();
    expect(lastRefusal([...refused, { at: at(4), event: 'change_approved' as const, note: 'u3' }])).toBeNull();
    expect(lastRefusal([])).toBeNull();
  });
});
