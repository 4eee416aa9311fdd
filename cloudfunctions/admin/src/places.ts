/** Approved places and limits per unit in a scope: shared by the dashboard and its drill-down (admin.units). */
import type { PeriodRules } from '../../../miniprogram/core/period';
import { suggestedQuota } from '../../../miniprogram/core/quota';
import { recordFilter, type Scope } from '../../../miniprogram/core/scope';
import { C, type OrgDoc, type QuotaDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';

/**
 * Approved places and limits per unit, from the quota counters: an aggregation over units, never over youths. A
 * unit without a counter yet has approved none, and its limit is the suggested one (R3.1).
 */
export async function placesByUnit(
  deps: ServerDeps,
  period: Pick<PeriodRules, '_id' | 'quotaRatio'>,
  scope: Scope,
  units: readonly OrgDoc[],
): Promise<{ approved: Map<string, number>; limits: Map<string, number> }> {
  const counters = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .find({ periodId: period._id, ...recordFilter(scope) }, { projection: { unitId: 1, used: 1, limit: 1 } });
  const approved = new Map(counters.filter((q) => q.used > 0).map((q) => [q.unitId, q.used]));
  const limits = new Map(units.map((u) => [u._id, suggestedQuota(u.youthCount ?? 0, period.quotaRatio)]));
  for (const q of counters) limits.set(q.unitId, q.limit);
  return { approved, limits };
}
