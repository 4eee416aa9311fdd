/**
 * Comparing periods (issue 14: "dashboards compare periods — selected, coverage, two-new share, cultivation and
 * services"). Pure: the caller reads the quota counters, the units, the count of cultivated youths and the service
 * requests of each period's window, and these rules turn them into the figures a dashboard draws. The definitions
 * are those of the running dashboards: coverage as `admin.dashboard` counts it (R3.3, `core/coverage.ts`: a
 * 机关/国企/央企 unit with a place is covered once it has a selected youth), the two-new share as its 两新 bars
 * count them (R3.4: places approved in units of the 两新组织 category).
 */
import { isMustCover, mustBeCovered, type UnitRef } from './coverage';
import type { UnitCategory } from './org';
import { suggestedQuota } from './quota';

/** How many periods a comparison shows at most: the latest ones (one period is three years, R1.1). */
export const COMPARED_PERIODS = 6;

export interface PeriodStart {
  _id: string;
  /** When the city opened it (`registry.openPeriod`); periods seeded before that field start at their nomination. */
  openedAt?: string | null;
  nominationOpensAt: string;
}

export interface PeriodWindow {
  periodId: string;
  from: Date;
  /** The next period's start; null for the latest period (it runs on). */
  until: Date | null;
}

/** When a period starts: the moment the city opened it, else the opening of its nominations. */
export function periodStart(p: PeriodStart): Date {
  return new Date(p.openedAt ?? p.nominationOpensAt);
}

/**
 * The time each period owns, oldest first: from its start until the next one starts. A service request belongs to
 * the period in whose window it was submitted. Only the latest `COMPARED_PERIODS` are kept.
 */
export function periodWindows(periods: readonly PeriodStart[], limit = COMPARED_PERIODS): PeriodWindow[] {
  const sorted = [...periods].sort(
    (a, b) => periodStart(a).getTime() - periodStart(b).getTime() || a._id.localeCompare(b._id),
  );
  const windows = sorted.map((p, i) => ({
    periodId: p._id,
    from: periodStart(p),
    until: i + 1 < sorted.length ? periodStart(sorted[i + 1]) : null,
  }));
  return windows.slice(Math.max(0, windows.length - limit));
}

/** A part of a whole as a percentage with one decimal (0 when the whole is 0, never above 100). */
export function sharePercent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.round((part * 1000) / whole) / 10);
}

/** A period's quota counter as the comparison reads it (`quotas`, projected). */
export interface CounterFact {
  unitId: string;
  used: number;
  limit: number;
  /** The unit's category when the counter was made (used when the unit has left the tree). */
  category: UnitCategory;
}

export type UnitFact = UnitRef & { youthCount?: number };

export interface PeriodFacts {
  quotaRatio: number;
  /** The units of the scope (today's tree). */
  units: readonly UnitFact[];
  /** The period's quota counters in the scope. */
  counters: readonly CounterFact[];
  /** Selected youths (approved nominations) of the period with at least one confirmed cultivation measure. */
  cultivated: number;
  /** Service requests submitted in the period's window, and of those resolved. */
  submitted: number;
  resolved: number;
}

export interface PeriodFigures {
  /** Youths selected (approved places). */
  selected: number;
  /** R3.3: must-cover units with a place, and those of them with a selected youth. */
  coverage: { covered: number; total: number; percent: number };
  /** R3.4: selected youths of 两新组织 units, and their share of the selected. */
  twoNew: { count: number; percent: number };
  /** Selected youths with a confirmed cultivation measure, and their share of the selected. */
  cultivated: { count: number; percent: number };
  /** Service requests submitted and resolved in the period, and the share resolved. */
  services: { submitted: number; resolved: number; percent: number };
}

/** One period's figures from its facts. */
export function periodFigures(facts: PeriodFacts): PeriodFigures {
  const approved = new Map<string, number>();
  const limits = new Map(facts.units.map((u) => [u._id, suggestedQuota(u.youthCount ?? 0, facts.quotaRatio)]));
  const category = new Map<string, UnitCategory | undefined>(facts.units.map((u) => [u._id, u.category]));
  let selected = 0;
  let twoNew = 0;
  for (const c of facts.counters) {
    limits.set(c.unitId, c.limit);
    if (c.used <= 0) continue;
    approved.set(c.unitId, (approved.get(c.unitId) ?? 0) + c.used);
    selected += c.used;
    if ((category.has(c.unitId) ? category.get(c.unitId) : c.category) === 'two_new') twoNew += c.used;
  }
  const mustCover = facts.units.filter((u) => isMustCover(u.category) && mustBeCovered(u, limits));
  const covered = mustCover.filter((u) => (approved.get(u._id) ?? 0) > 0).length;
  const cultivated = facts.cultivated;
  return {
    selected,
    coverage: { covered, total: mustCover.length, percent: sharePercent(covered, mustCover.length) },
    twoNew: { count: twoNew, percent: sharePercent(twoNew, selected) },
    cultivated: { count: cultivated, percent: sharePercent(cultivated, selected) },
    services: {
      submitted: facts.submitted,
      resolved: facts.resolved,
      percent: sharePercent(facts.resolved, facts.submitted),
    },
  };
}
