/**
 * R3.3 full coverage and R3.4 two_new presence, computed from per-unit
 * approved counts (the caller aggregates; nothing here loads youths).
 */
import type { Org, UnitCategory } from './org';

/** R3.3 every party_gov, soe and central_soe unit must end with at least one selected youth. */
export const MUST_COVER: readonly UnitCategory[] = ['party_gov', 'soe', 'central_soe'];

export type UnitRef = Pick<Org, '_id' | 'name' | 'districtId' | 'category'>;

export function uncoveredUnits<U extends UnitRef>(
  units: readonly U[],
  approvedByUnit: ReadonlyMap<string, number>,
): U[] {
  return units.filter(
    (u) => u.category !== undefined && MUST_COVER.includes(u.category) && (approvedByUnit.get(u._id) ?? 0) === 0,
  );
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
