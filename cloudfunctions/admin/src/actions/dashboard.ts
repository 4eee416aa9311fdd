import type { adminContract, DashboardView } from '../../../../miniprogram/core/contracts/admin';
import { timeLeft } from '../../../../miniprogram/core/china-time';
import {
  progressPercent,
  totalApproved,
  twoNewByDistrict,
  uncoveredByCategory,
  uncoveredUnits,
} from '../../../../miniprogram/core/coverage';
import { appError } from '../../../../miniprogram/core/errors';
import { filingSubjects } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter, type Scope } from '../../../../miniprogram/core/scope';
import { C, type FilingDoc, type QuotaDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { currentPeriod, jurisdictionLabels } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';

/** Approved places per unit, from the quota counters: an aggregation over units, never over youths. */
async function approvedByUnit(deps: ServerDeps, periodId: string, scope: Scope): Promise<Map<string, number>> {
  const counters = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .find({ periodId, ...recordFilter(scope), used: { $gt: 0 } }, { projection: { unitId: 1, used: 1 } });
  return new Map(counters.map((q) => [q.unitId, q.used]));
}

/** R3.3, R3.4, R4.3: coverage, two_new presence and deadlines, for a district or the city. */
export const dashboard: Handler<typeof adminContract.actions.dashboard> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const resolved = await resolveScope(deps, actor, input);
  if (!resolved.ok) return resolved;
  const scope = resolved.value;
  const [units, districts, approved, filed] = await Promise.all([
    unitsIn(deps, scope),
    districtsIn(deps, scope),
    approvedByUnit(deps, period._id, scope),
    deps.store.collection<FilingDoc>(C.filings).count({
      periodId: period._id,
      state: 'filed',
      ...(scope.level === 'district' ? { districtId: scope.orgId } : {}),
    }),
  ]);
  const uncovered = uncoveredUnits(units, approved);
  const label = await jurisdictionLabels(
    deps,
    uncovered.map((u) => u.districtId),
  );
  const twoNew = twoNewByDistrict(
    districts.map((d) => d._id),
    units,
    approved,
  );
  const total = totalApproved(approved);
  const view: DashboardView = {
    scope: { level: scope.level === 'unit' ? 'district' : scope.level, orgId: scope.orgId, name: scope.name },
    target: period.target,
    approved: total,
    progressPercent: progressPercent(total, period.target),
    uncovered: uncovered.map((u) => ({
      unitId: u._id,
      name: u.name,
      category: u.category ?? 'party_gov',
      districtName: label(u.districtId),
    })),
    uncoveredByCategory: uncoveredByCategory(uncovered),
    twoNewByDistrict: districts.map((d) => ({ districtId: d._id, name: d.name, count: twoNew[d._id] ?? 0 })),
    deadlines: [
      { key: 'nomination', at: period.nominationDeadline, ...timeLeft(now, new Date(period.nominationDeadline)) },
      { key: 'filing', at: period.filingDeadline, ...timeLeft(now, new Date(period.filingDeadline)) },
    ],
    filing: { filed, total: filingSubjects(units, districts).length },
  };
  return ok(view);
};
