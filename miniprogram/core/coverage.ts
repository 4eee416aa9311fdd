/**
 * R3.3 full coverage and R3.4 two_new presence, computed from per-unit
 * approved counts (the caller aggregates; nothing here loads youths).
 */
import type { Org, UnitCategory } from './org';

/** R3.3 every party_gov, soe and central_soe unit must end with at least one selected youth. */
export const MUST_COVER = ['party_gov', 'soe', 'central_soe'] as const satisfies readonly UnitCategory[];
export type MustCoverCategory = (typeof MUST_COVER)[number];

export function isMustCover(category: UnitCategory | undefined): category is MustCoverCategory {
  return (MUST_COVER as readonly (UnitCategory | undefined)[]).includes(category);
}

export type UnitRef = Pick<Org, '_id' | 'name' | 'districtId' | 'category'>;

/**
 * Decision (issue 9 §16): a must-cover unit whose quota is 0 — no youths (20:1 gives 0), or the district set it to
 * 0 — cannot be covered, so it is not counted as uncovered; it is listed apart as 无名额 (`exemptUnits`). Once it
 * has a place it must be covered like any other. `limitByUnit` holds each unit's current limit; a unit missing
 * from it is taken to have a place.
 */
export function mustBeCovered(u: Pick<UnitRef, '_id' | 'category'>, limitByUnit: ReadonlyMap<string, number>): boolean {
  return isMustCover(u.category) && (limitByUnit.get(u._id) ?? 1) > 0;
}

export function uncoveredUnits<U extends UnitRef>(
  units: readonly U[],
  approvedByUnit: ReadonlyMap<string, number>,
  limitByUnit: ReadonlyMap<string, number>,
): U[] {
  return units.filter((u) => mustBeCovered(u, limitByUnit) && (approvedByUnit.get(u._id) ?? 0) === 0);
}

/** Must-cover units without a place: shown apart, never as uncovered (issue 9 §16). */
export function exemptUnits<U extends UnitRef>(units: readonly U[], limitByUnit: ReadonlyMap<string, number>): U[] {
  return units.filter((u) => isMustCover(u.category) && !mustBeCovered(u, limitByUnit));
}

/** R3.3 the uncovered units counted per category that must be covered. */
export function uncoveredByCategory(uncovered: readonly UnitRef[]): Record<MustCoverCategory, number> {
  const counts: Record<MustCoverCategory, number> = { party_gov: 0, soe: 0, central_soe: 0 };
  for (const u of uncovered) if (isMustCover(u.category)) counts[u.category] += 1;
  return counts;
}

/** Approved places in total, from the per-unit counts. */
export function totalApproved(approvedByUnit: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of approvedByUnit.values()) total += n;
  return total;
}

/** R3.4 approved two_new youths per district (districts without any appear with 0). */
export function twoNewByDistrict(
  districtIds: readonly string[],
  units: readonly UnitRef[],
  approvedByUnit: ReadonlyMap<string, number>,
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(districtIds.map((d) => [d, 0]));
  for (const u of units) {
    if (u.category !== 'two_new' || !u.districtId || !(u.districtId in out)) continue;
    out[u.districtId] += approvedByUnit.get(u._id) ?? 0;
  }
  return out;
}

/** Progress toward the period target (R1.1), as a whole percentage capped at 100. */
export function progressPercent(approved: number, target: number): number {
  if (target <= 0) return 100;
  return Math.min(100, Math.floor((approved * 100) / target));
}
