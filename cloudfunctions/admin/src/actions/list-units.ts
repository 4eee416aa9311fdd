import type { adminContract, UnitList, UnitRow } from '../../../../miniprogram/core/contracts/admin';
import { isMustCover, mustBeCovered } from '../../../../miniprogram/core/coverage';
import { appError } from '../../../../miniprogram/core/errors';
import { filingId, filingSubjectOf } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import { unitsWithAdmin } from '../../../_lib/reviewers';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';
import { placesByUnit } from '../places';

const KEEP: Record<UnitList, (u: UnitRow) => boolean> = {
  all: () => true,
  approved: (u) => u.approved > 0,
  uncovered: (u) => u.mustCover && u.approved === 0,
  exempt: (u) => isMustCover(u.category) && !u.mustCover,
  twoNew: (u) => u.category === 'two_new',
  unfiled: (u) => u.filing !== 'filed',
  filed: (u) => u.filing === 'filed',
  noAdmin: (u) => !u.hasAdmin,
};

/**
 * The units behind a dashboard figure, for a district or the city (issue 9: drill-down): each with its places,
 * its filing and whether it has an admin. Read from the organisation tree, the quota counters and the filings —
 * a district has tens of units, the city about two thousand — never from the youths.
 */
export const units: Handler<typeof adminContract.actions.units> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const [orgs, districts, filings] = await Promise.all([
    unitsIn(deps, scope.value),
    districtsIn(deps, scope.value),
    deps.store.collection<FilingDoc>(C.filings).find({ periodId: period._id }, { projection: { state: 1 } }),
  ]);
  const [{ approved, limits }, staffed] = await Promise.all([
    placesByUnit(deps, period, scope.value, orgs),
    unitsWithAdmin(
      deps,
      orgs.map((u) => u._id),
    ),
  ]);
  const names = new Map(districts.map((d) => [d._id, d.name]));
  const order = new Map(districts.map((d, i) => [d._id, i]));
  const states = new Map(filings.map((f) => [f._id, f.state]));
  const rows: UnitRow[] = orgs.map((u) => ({
    unitId: u._id,
    name: u.name,
    districtId: u.districtId,
    districtName: u.districtId ? (names.get(u.districtId) ?? '') : '市级单位',
    category: u.category ?? 'other_grassroots',
    youthCount: u.youthCount ?? 0,
    limit: limits.get(u._id) ?? 0,
    approved: approved.get(u._id) ?? 0,
    hasAdmin: staffed.has(u._id),
    filing: states.get(filingId(period._id, filingSubjectOf(u))) ?? 'open',
    mustCover: mustBeCovered(u, limits),
  }));
  // City-level units first, then the districts in the city's order; by name within each.
  const rank = (r: UnitRow) => (r.districtId ? (order.get(r.districtId) ?? 999) + 1 : 0);
  const kept = rows
    .filter(KEEP[input.show])
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const items = kept.slice((page - 1) * pageSize, page * pageSize);
  return ok({ items, page, pageSize, total: kept.length, hasMore: page * pageSize < kept.length });
};
