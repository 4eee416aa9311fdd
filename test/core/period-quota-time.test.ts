import {
  addYears,
  chinaDate,
  chinaEndOfDay,
  fullYears,
  isValidIsoDate,
  timeLeft,
} from '../../miniprogram/core/china-time';
import { cutoffFromReference, julyDeadline, nominationWindow } from '../../miniprogram/core/period';
import { canApproveWithin, effectiveQuota, suggestedQuota } from '../../miniprogram/core/quota';
import { reviewTarget } from '../../miniprogram/core/nomination';

describe('suggestedQuota (R3.1)', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [1, 1],
    [19, 1],
    [20, 1],
    [39, 1],
    [40, 2],
    [59, 2],
    [60, 3],
    [1000, 50],
  ])('%i youths → %i', (count, quota) => {
    expect(suggestedQuota(count, 20)).toBe(quota);
  });

  it('the ratio is configurable per period', () => {
    expect(suggestedQuota(30, 10)).toBe(3);
  });

  it('an override by the district or city replaces the suggestion (R3.2)', () => {
    expect(effectiveQuota(19, 20, 3)).toBe(3);
    expect(effectiveQuota(19, 20, null)).toBe(1);
    expect(canApproveWithin(4, 5)).toBe(true);
    expect(canApproveWithin(5, 5)).toBe(false);
  });
});

describe('periods and China time (R1.2, R4.3)', () => {
  it('the 2021 period: cutoff 35 years before 2021-06-01 is 1986-06-01', () => {
    expect(cutoffFromReference('2021-06-01', 35)).toBe('1986-06-01');
    expect(addYears('2024-02-29', -35)).toBe('1989-02-28');
  });

  it('the 31 July deadline ends at 23:59:59.999 China time, i.e. 15:59:59.999Z', () => {
    expect(julyDeadline(2021)).toBe('2021-07-31T15:59:59.999Z');
    expect(chinaEndOfDay('2021-07-31').toISOString()).toBe('2021-07-31T15:59:59.999Z');
  });

  const window = { nominationOpensAt: '2020-08-01T00:00:00+08:00', nominationDeadline: julyDeadline(2021) };
  it.each([
    ['2020-07-31T15:59:59.999Z', 'not_open'],
    ['2020-07-31T16:00:00.000Z', 'open'],
    ['2021-07-31T15:59:59.999Z', 'open'],
    ['2021-07-31T16:00:00.000Z', 'closed'],
  ])('at %s the window is %s', (instant, state) => {
    expect(nominationWindow(window, new Date(instant))).toBe(state);
  });

  it.each([
    ['2021-07-31T16:30:00Z', '2021-08-01'],
    ['2021-07-31T15:30:00Z', '2021-07-31'],
  ])('the China date at %s is %s', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['1986-06-01', '2021-05-31', 34],
    ['1986-06-01', '2021-06-01', 35],
    ['2000-02-29', '2021-02-28', 20],
    ['2000-02-29', '2021-03-01', 21],
  ])('born %s, on %s → %i full years', (birth, on, years) => {
    expect(fullYears(birth, on)).toBe(years);
  });

  it('validates calendar dates', () => {
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2020-2-9')).toBe(false);
  });

  it('counts down days and hours, never negative', () => {
    const deadline = new Date('2021-07-31T15:59:59.999Z');
    expect(timeLeft(new Date('2021-07-29T12:00:00Z'), deadline)).toEqual({ days: 2, hours: 3, passed: false });
    expect(timeLeft(new Date('2021-08-01T00:00:00Z'), deadline)).toEqual({ days: 0, hours: 0, passed: true });
  });
});

describe('workflow (R4.2)', () => {
  it.each([
    ['submitted', 'approve', 'approved'],
    ['submitted', 'reject', 'rejected'],
    ['submitted', 'return', 'returned'],
    ['approved', 'reject', null],
    ['returned', 'approve', null],
    ['withdrawn', 'approve', null],
  ] as const)('%s + %s → %s', (from, decision, to) => {
    expect(reviewTarget(from, decision)).toBe(to);
  });
});
