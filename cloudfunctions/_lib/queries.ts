/** Small shared reads used by several functions. */
import { nominationWindow } from '../../miniprogram/core/period';
import type { PeriodView } from '../../miniprogram/core/contracts/account';
import { C, type OrgDoc, type PeriodDoc } from './collections';
import type { ServerDeps } from './deps';

export async function currentPeriod(deps: ServerDeps, now: Date): Promise<PeriodView | null> {
  const period = await deps.store.collection<PeriodDoc>(C.periods).findOne({ current: true });
  if (!period) return null;
  const { current: _current, ...rules } = period;
  return { ...rules, window: nominationWindow(rules, now) };
}

/** What a card says a unit belongs to: its district's name, or 市级单位 for a city-level unit (no district). */
export const CITY_LEVEL_LABEL = '市级单位';

/**
 * The jurisdiction label of each district id, read by id (issue 9 §6): a caller's scope may hold no district at
 * all (a unit admin), so the names never come from the districts in scope.
 */
export async function jurisdictionLabels(
  deps: ServerDeps,
  districtIds: ReadonlyArray<string | null | undefined>,
): Promise<(districtId: string | null | undefined) => string> {
  const names = await orgNames(
    deps,
    districtIds.filter((d): d is string => Boolean(d)),
  );
  return (districtId) => (districtId ? (names.get(districtId) ?? '') : CITY_LEVEL_LABEL);
}

export async function getOrg(deps: ServerDeps, id: string): Promise<OrgDoc | null> {
  return deps.store.collection<OrgDoc>(C.orgs).get(id);
}

export async function orgNames(deps: ServerDeps, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const orgs = await deps.store.collection<OrgDoc>(C.orgs).find({ _id: { $in: unique } }, { projection: { name: 1 } });
  return new Map(orgs.map((o) => [o._id, o.name]));
}

/** A user's search text with every regex metacharacter escaped, so it can never become a pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names matched from their start: "张" finds 张晓青. */
export function prefixPattern(text: string): string {
  return `^${escapeRegex(text)}`;
}
