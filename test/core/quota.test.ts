import { Query } from 'mingo';
import {
  canApproveWithin,
  canSetQuota,
  effectiveQuota,
  isQuotaFull,
  placeLeftCondition,
  quotaLimit,
  settableCondition,
} from '../../miniprogram/core/quota';

// The counter holds `used` approved places; each rule is checked in memory and,
// under concurrency, as the condition of a conditional update: both must agree.
const holds = (condition: object, used: number) => new Query(condition).test({ _id: '2027:unit', used });

describe('R3.2 the limit: the suggestion unless the district or city set another', () => {
  it.each<[number, number | null, number]>([
    [1, null, 1],
    [1, 3, 3],
    [5, 2, 2],
    [2, 0, 0],
  ])('suggested %i, override %p → %i', (suggested, override, limit) => {
    expect(quotaLimit(suggested, override)).toBe(limit);
  });

  it.each<[number, number | null | undefined, number]>([
    [19, 3, 3],
    [19, null, 1],
    [19, undefined, 1],
    [40, 0, 0],
  ])('%i youths, override %p → %i places', (youths, override, limit) => {
    expect(effectiveQuota(youths, 20, override)).toBe(limit);
  });
});

describe('R3.2 a unit approves only while places are left', () => {
  it.each<[number, number, boolean]>([
    [0, 1, true],
    [4, 5, true],
    [5, 5, false],
    [6, 5, false], // lowered below what was approved before the rule held: still no more
    [0, 0, false],
  ])('%i approved of %i → may approve one more: %s', (used, limit, allowed) => {
    expect(canApproveWithin(used, limit)).toBe(allowed);
    expect(holds(placeLeftCondition(limit), used)).toBe(allowed);
  });

  it.each<[number, number, boolean]>([
    [0, 1, false],
    [1, 1, true],
    [2, 1, true],
    [0, 0, false], // a unit with no places is not "full"
  ])('%i approved of %i → shown as full: %s', (used, limit, full) => {
    expect(isQuotaFull(used, limit)).toBe(full);
  });
});

describe('R3.2 a district or the city sets a limit, never below the places approved', () => {
  it.each<[number, number, boolean]>([
    [3, 2, true],
    [2, 2, true],
    [1, 2, false],
    [0, 0, true],
  ])('set to %i with %i approved → allowed: %s', (quota, used, allowed) => {
    expect(canSetQuota(quota, used)).toBe(allowed);
    expect(holds(settableCondition(quota), used)).toBe(allowed);
  });
});
