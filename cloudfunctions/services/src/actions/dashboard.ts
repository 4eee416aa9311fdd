import type { servicesContract, StatsRow } from '../../../../miniprogram/core/contracts/services';
import { statsOf, type RequestFacts } from '../../../../miniprogram/core/services';
import { chinaDate, chinaStartOfDay } from '../../../../miniprogram/core/china-time';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ServiceRequestDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { allTypes, districtNames } from '../area';

const FACTS = {
  typeId: 1,
  districtId: 1,
  status: 1,
  submittedAt: 1,
  acceptedAt: 1,
  resolvedAt: 1,
  acceptBy: 1,
  resolveBy: 1,
  rating: 1,
  wasOverdue: 1,
} as const;

/** The window the figures cover: the last year's requests, at most this many of the newest (one read, bounded). */
export const DASHBOARD_DAYS = 365;
export const DASHBOARD_MAX = 5000;
const DAY_MS = 86_400_000;

type Facts = RequestFacts & Pick<ServiceRequestDoc, 'typeId' | 'districtId'>;

function rows(facts: Facts[], keyOf: (f: Facts) => string, labels: Array<[string, string]>, now: Date): StatsRow[] {
  return labels.map(([key, label]) => ({
    key,
    label,
    ...statsOf(
      facts.filter((f) => keyOf(f) === key),
      now,
    ),
  }));
}

/**
 * Per type and per district: volume, time to accept and to resolve (median, 90th percentile, hours), the share
 * overdue and satisfaction. Counts and times only: no request's contents, so sensitive types are counted too.
 * Medians need the times themselves, so the read is bounded instead of kept in counters: the requests submitted
 * in the last 365 days, at most the newest 5,000 (a few hundred bytes each), through the owner's or the
 * district's `submittedAt` index; `capped` tells the page when the cap cut the window short.
 */
export const dashboard: Handler<typeof servicesContract.actions.dashboard> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const names = await districtNames(deps);
  const col = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const sinceAt = new Date(chinaStartOfDay(chinaDate(now)).getTime() - DASHBOARD_DAYS * DAY_MS);
  const recent = { submittedAt: { $gte: sinceAt } };
  const filter =
    scope.value.level === 'city'
      ? { ownerOrgId: { $in: [deps.cityOrgId, ...Object.keys(names)] }, ...recent }
      : { districtId: scope.value.orgId, ...recent };
  const read = (await col.find(filter, {
    projection: FACTS,
    sort: { submittedAt: -1, _id: 1 },
    limit: DASHBOARD_MAX + 1,
  })) as unknown as Facts[];
  const capped = read.length > DASHBOARD_MAX;
  const facts = capped ? read.slice(0, DASHBOARD_MAX) : read;
  const types = await allTypes(deps);
  const districts: Array<[string, string]> =
    scope.value.level === 'city'
      ? [...Object.entries(names), ['', '市直单位']]
      : [[scope.value.orgId, names[scope.value.orgId] ?? scope.value.name]];
  return ok({
    scopeName: scope.value.name,
    since: chinaDate(sinceAt),
    capped,
    total: { key: 'total', label: '合计', ...statsOf(facts, now) },
    byType: rows(
      facts,
      (f) => f.typeId,
      types.map((t) => [t._id, t.name]),
      now,
    ),
    byDistrict: rows(facts, (f) => f.districtId ?? '', districts, now).filter((r) => r.key !== '' || r.volume > 0),
  });
};
