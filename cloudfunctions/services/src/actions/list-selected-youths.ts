import type { SelectedYouthView, servicesContract } from '../../../../miniprogram/core/contracts/services';
import { chinaDate } from '../../../../miniprogram/core/china-time';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type ParticipationDoc } from '../../../_lib/collections';
import { currentPeriod, orgNames } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { districtNames } from '../area';

type Entry = { name: string; on: string } | null;

/** The latest record of `kind` (insurance or credit incentive) among a youth's participation records. */
function latest(docs: ParticipationDoc[], kind: 'insurance' | 'credit'): Entry {
  const mine = docs.filter((d) => d.kind === kind).sort((a, b) => b.at.getTime() - a.at.getTime());
  return mine[0] ? { name: mine[0].name, on: mine[0].on ?? chinaDate(mine[0].at) } : null;
}

/**
 * R7.3: the current period's selected youths (approved) in the cadre's scope — the city's all, a district's its
 * own — with the accident insurance and credit incentive recorded for each, so a cadre sees whom to record next.
 * Names and units only.
 */
export const selectedYouths: Handler<typeof servicesContract.actions.selectedYouths> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const period = await currentPeriod(deps, now);
  if (!period) return ok({ items: [], page, pageSize, total: 0, hasMore: false });
  const filter: Record<string, unknown> =
    scope.value.level === 'district'
      ? { periodId: period._id, districtId: scope.value.orgId, status: 'approved' }
      : { periodId: period._id, status: 'approved' };
  const col = deps.store.collection<NominationDoc>(C.nominations);
  const [total, docs] = await Promise.all([
    col.count(filter),
    col.find(filter, {
      projection: { name: 1, unitId: 1, districtId: 1, youthOpenid: 1 },
      sort: { unitId: 1, _id: 1 },
      skip: (page - 1) * pageSize,
      limit: pageSize,
    }),
  ]);
  const openids = docs.flatMap((n) => (n.youthOpenid ? [n.youthOpenid] : []));
  const [records, units, districts] = await Promise.all([
    openids.length
      ? deps.store.collection<ParticipationDoc>(C.participation).find({ openid: { $in: openids } })
      : Promise.resolve([]),
    orgNames(deps, [...new Set(docs.map((n) => n.unitId))]),
    districtNames(deps),
  ]);
  const items: SelectedYouthView[] = docs.map((n) => {
    const mine = records.filter((r) => r.openid === n.youthOpenid);
    return {
      nominationId: n._id,
      name: n.name,
      unitName: units.get(n.unitId) ?? '',
      districtName: n.districtId ? (districts[n.districtId] ?? '') : '市直',
      insurance: latest(mine, 'insurance'),
      credit: latest(mine, 'credit'),
    };
  });
  return ok({ items, page, pageSize, total, hasMore: page * pageSize < total });
};
