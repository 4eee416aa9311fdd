import type { adminContract, DashboardView } from '../../../../miniprogram/core/contracts/admin';
import { timeLeft } from '../../../../miniprogram/core/china-time';
import {
  progressPercent,
  exemptUnits,
  totalApproved,
  twoNewByDistrict,
  uncoveredByCategory,
  uncoveredUnits,
} from '../../../../miniprogram/core/coverage';
import { appError } from '../../../../miniprogram/core/errors';
import { filingSubjects } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc, type OrgDoc } from '../../../_lib/collections';
import { currentPeriod, jurisdictionLabels } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';
import { placesByUnit } from '../places';

/** R3.3, R3.4, R4.3: coverage, two_new presence and deadlines, for a district or the city. */
export const dashboard: Handler<typeof adminContract.actions.dashboard> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const resolved = await resolveScope(deps, actor, input);
  if (!resolved.ok) return resolved;
  const scope = resolved.value;
  const filedFilter = {
    periodId: period._id,
    state: 'filed',
    ...(scope.level === 'district' ? { districtId: scope.orgId } : {}),
  };
  const filings = deps.store.collection<FilingDoc>(C.filings);
  const [units, districts, filed, empty] = await Promise.all([
    unitsIn(deps, scope),
    districtsIn(deps, scope),
    filings.count(filedFilter),
    // Filed with "本单位本期无推荐人选" (issue 9 §4).
    filings.count({ ...filedFilter, approvedRows: 0 }),
  ]);
  const { approved, limits } = await placesByUnit(deps, period, scope, units);
  const uncovered = uncoveredUnits(units, approved, limits);
  const exempt = exemptUnits(units, limits);
  const label = await jurisdictionLabels(
    deps,
    [...uncovered, ...exempt].map((u) => u.districtId),
  );
  const row = (u: OrgDoc) => ({
    unitId: u._id,
    name: u.name,
    category: u.category ?? 'party_gov',
    districtName: label(u.districtId),
  });
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
    uncovered: uncovered.map(row),
    exempt: exempt.map(row),
    uncoveredByCategory: uncoveredByCategory(uncovered),
    twoNewByDistrict: districts.map((d) => ({ districtId: d._id, name: d.name, count: twoNew[d._id] ?? 0 })),
    deadlines: [
      { key: 'nomination', at: period.nominationDeadline, ...timeLeft(now, new Date(period.nominationDeadline)) },
      { key: 'filing', at: period.filingDeadline, ...timeLeft(now, new Date(period.filingDeadline)) },
    ],
    filing: { filed, empty, total: filingSubjects(units, districts).length },
  };
  return ok(view);
};
