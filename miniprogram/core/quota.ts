/**
 * R3.1 suggested places per unit: 1–19 youths → 1, n ≥ 20 → floor(n / ratio), 0 → 0.
 */
export function suggestedQuota(youthCount: number, ratio: number): number {
  if (!Number.isFinite(youthCount) || youthCount <= 0) return 0;
  // R3.1 单位青年数在20人以内的选树培育1名
  if (youthCount < ratio) return 1;
  return Math.floor(youthCount / ratio);
}

/** R3.2 a unit approves within its quota; the district or city may raise it (`override`). */
export function effectiveQuota(youthCount: number, ratio: number, override?: number | null): number {
  return override ?? suggestedQuota(youthCount, ratio);
}

export function canApproveWithin(approved: number, quota: number): boolean {
  return approved < quota;
}
