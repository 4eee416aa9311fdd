import type { servicesContract, StatsRow } from '../../../../miniprogram/core/contracts/services';
import { statsOf, type RequestFacts } from '../../../../miniprogram/core/services';
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
 */
export const dashboard: Handler<typeof servicesContract.actions.dashboard> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const names = await districtNames(deps);
  const col = deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const filter =
    scope.value.level === 'city'
      ? { ownerOrgId: { $in: [deps.cityOrgId, ...Object.keys(names)] } }
      : { districtId: scope.value.orgId };
  const facts = (await col.find(filter, { projection: FACTS })) as unknown as Facts[];
  const types = await allTypes(deps);
  const districts: Array<[string, string]> =
    scope.value.level === 'city'
      ? [...Object.entries(names), ['', '市直单位']]
      : [[scope.value.orgId, names[scope.value.orgId] ?? scope.value.name]];
  return ok({
    scopeName: scope.value.name,
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
