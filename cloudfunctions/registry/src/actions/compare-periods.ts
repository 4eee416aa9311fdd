import type { PeriodComparisonRow, registryContract } from '../../../../miniprogram/core/contracts/registry';
import {
  periodFigures,
  periodWindows,
  type CounterFact,
  type PeriodWindow,
} from '../../../../miniprogram/core/registry-periods';
import { ok } from '../../../../miniprogram/core/result';
import { recordFilter, type DocFilter, type Scope } from '../../../../miniprogram/core/scope';
import {
  C,
  type MeasureDoc,
  type NominationDoc,
  type PeriodDoc,
  type QuotaDoc,
  type ServiceRequestDoc,
} from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';

const RESOLVED = ['resolved', 'closed'];

/** Selected youths of the period with at least one confirmed measure: distinct youths, then those still approved. */
async function cultivatedIn(deps: ServerDeps, periodId: string, within: DocFilter): Promise<number> {
  const grouped = await deps.store
    .collection<MeasureDoc>(C.measures)
    .aggregate<{ _id: string }>([
      { $match: { periodId, status: 'confirmed', ...within } },
      { $group: { _id: '$nominationId' } },
    ]);
  if (grouped.length === 0) return 0;
  return deps.store
    .collection<NominationDoc>(C.nominations)
    .count({ _id: { $in: grouped.map((g) => g._id) }, status: 'approved' });
}

/** Service requests submitted in the window (the scope's district, or every owner for the city), and resolved. */
async function servicesIn(
  deps: ServerDeps,
  scope: Scope,
  districtIds: string[],
  w: PeriodWindow,
): Promise<{ submitted: number; resolved: number }> {
  const owner =
    scope.level === 'city' ? { ownerOrgId: { $in: [deps.cityOrgId, ...districtIds] } } : { districtId: scope.orgId };
  const submittedAt = w.until ? { $gte: w.from, $lt: w.until } : { $gte: w.from };
  const requests = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const [submitted, resolved] = await Promise.all([
    requests.count({ ...owner, submittedAt }),
    requests.count({ ...owner, submittedAt, status: { $in: RESOLVED } }),
  ]);
  return { submitted, resolved };
}

/**
 * The periods side by side (issue 14), for the city or a district: selected youths, coverage, the two-new share,
 * cultivation and services. Counts and aggregates only: the quota counters (one per unit and period), distinct
 * cultivated youths by aggregation, and counts of service requests in each period's window; no youth is loaded.
 */
export const comparePeriods: Handler<typeof registryContract.actions.comparePeriods> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const resolved = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!resolved.ok) return resolved;
  const scope = resolved.value;
  const all = await deps.store.collection<PeriodDoc>(C.periods).find({});
  const byId = new Map(all.map((p) => [p._id, p]));
  const windows = periodWindows(all);
  const within = recordFilter(scope);
  const [units, districts, counters] = await Promise.all([
    unitsIn(deps, scope),
    districtsIn(deps, scope),
    deps.store
      .collection<QuotaDoc>(C.quotas)
      .find(
        { periodId: { $in: windows.map((w) => w.periodId) }, ...within },
        { projection: { periodId: 1, unitId: 1, used: 1, limit: 1, category: 1 } },
      ),
  ]);
  const districtIds = districts.map((d) => d._id);
  const periods: PeriodComparisonRow[] = await Promise.all(
    windows.map(async (w) => {
      const period = byId.get(w.periodId) as PeriodDoc;
      const [cultivated, services] = await Promise.all([
        cultivatedIn(deps, w.periodId, within),
        servicesIn(deps, scope, districtIds, w),
      ]);
      const figures = periodFigures({
        quotaRatio: period.quotaRatio,
        units,
        counters: counters.filter((c) => c.periodId === w.periodId) as CounterFact[],
        cultivated,
        ...services,
      });
      return { periodId: w.periodId, name: period.name, current: period.current, ...figures };
    }),
  );
  return ok({ scopeName: scope.name, periods });
};
