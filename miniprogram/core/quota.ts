/**
 * R3.1 suggested places per unit: 1–19 youths → 1, n ≥ 20 → floor(n / ratio), 0 → 0.
 */
export function suggestedQuota(youthCount: number, ratio: number): number {
  if (!Number.isFinite(youthCount) || youthCount <= 0) return 0;
  // R3.1 单位青年数在20人以内的选树培育1名
  if (youthCount < ratio) return 1;
  return Math.floor(youthCount / ratio);
}

/** R3.2 a unit's limit: the suggestion, unless its district or the city set another (`override`). */
export function quotaLimit(suggested: number, override: number | null): number {
  return override ?? suggested;
}

export function effectiveQuota(youthCount: number, ratio: number, override?: number | null): number {
  return quotaLimit(suggestedQuota(youthCount, ratio), override ?? null);
}

/** R3.2 a unit cannot approve beyond its limit on its own: one more place only while approved < limit. */
export function canApproveWithin(approved: number, limit: number): boolean {
  return approved < limit;
}

/**
 * The same rule as a condition on a quota counter (`used` approved places), so
 * that the conditional increment taking a place honours it under concurrency.
 */
export function placeLeftCondition(limit: number): { used: { $lt: number } } {
  return { used: { $lt: limit } };
}

/** R3.2 the district or the city may raise or lower a limit, never below the places already approved. */
export function canSetQuota(quota: number, approved: number): boolean {
  return quota >= approved;
}

/** The same rule as a condition on a quota counter, so that an approval racing the change cannot overshoot. */
export function settableCondition(quota: number): { used: { $lte: number } } {
  return { used: { $lte: quota } };
}

/** A limit is shown as full once every place is taken (a unit with no places is not "full", it has none). */
export function isQuotaFull(approved: number, limit: number): boolean {
  return limit > 0 && !canApproveWithin(approved, limit);
}
