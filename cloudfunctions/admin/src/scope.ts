/**
 * Who sees what (R3, R4): the city everything, a district its units, a unit
 * admin its own units. Every admin query starts from one of these scopes.
 */
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, grantsOf, type Actor } from '../../_lib/identity';
import { getOrg } from '../../_lib/queries';
import type { Filter } from '../../_lib/store/port';

export type Scope =
  | { level: 'city'; orgId: string; name: string }
  | { level: 'district'; orgId: string; name: string }
  | { level: 'unit'; orgId: string; name: string; unitIds: string[] };

type ScopeError = CodedError<'AUTH.OUT_OF_SCOPE' | 'ORG.NOT_FOUND'>;

const CADRES = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;

async function unitScope(deps: ServerDeps, actor: Actor, unitId: string): Promise<Result<Scope, ScopeError>> {
  const unit = await getOrg(deps, unitId);
  if (!unit || unit.level !== 'unit') return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (!covers(actor, unit, CADRES)) return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  return ok({ level: 'unit', orgId: unit._id, name: unit.name, unitIds: [unit._id] });
}

async function districtScope(deps: ServerDeps, actor: Actor, districtId: string): Promise<Result<Scope, ScopeError>> {
  const district = await getOrg(deps, districtId);
  if (!district || district.level !== 'district') return err(appError('ORG.NOT_FOUND', 'district not found'));
  if (!covers(actor, district, ['cityAdmin', 'districtAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'district outside your scope'));
  return ok({ level: 'district', orgId: district._id, name: district.name });
}

/** The widest scope the actor holds. */
async function defaultScope(deps: ServerDeps, actor: Actor): Promise<Result<Scope, ScopeError>> {
  const city = grantsOf(actor, 'cityAdmin')[0];
  if (city) return ok({ level: 'city', orgId: city.orgId, name: (await getOrg(deps, city.orgId))?.name ?? '全市' });
  const district = grantsOf(actor, 'districtAdmin')[0];
  if (district) return districtScope(deps, actor, district.orgId);
  const unitIds = grantsOf(actor, 'unitAdmin').map((g) => g.orgId);
  if (unitIds.length === 0) return err(appError('AUTH.OUT_OF_SCOPE', 'no administrative scope'));
  const first = await getOrg(deps, unitIds[0]);
  return ok({ level: 'unit', orgId: unitIds[0], name: first?.name ?? '', unitIds });
}

export function resolveScope(
  deps: ServerDeps,
  actor: Actor,
  requested: { districtId?: string; unitId?: string },
): Promise<Result<Scope, ScopeError>> {
  if (requested.unitId) return unitScope(deps, actor, requested.unitId);
  if (requested.districtId) return districtScope(deps, actor, requested.districtId);
  return defaultScope(deps, actor);
}

/** Units inside the scope, as an `orgs` filter. */
export function unitFilter(scope: Scope): Filter {
  if (scope.level === 'city') return { level: 'unit' };
  if (scope.level === 'district') return { level: 'unit', districtId: scope.orgId };
  return { level: 'unit', _id: { $in: scope.unitIds } };
}

/** Records inside the scope, as a `nominations`/`quotas`/`objections` filter. */
export function recordFilter(scope: Scope): Filter {
  if (scope.level === 'city') return {};
  if (scope.level === 'district') return { districtId: scope.orgId };
  return { unitId: { $in: scope.unitIds } };
}

export async function unitsIn(deps: ServerDeps, scope: Scope): Promise<OrgDoc[]> {
  return deps.store.collection<OrgDoc>(C.orgs).find(unitFilter(scope), {
    projection: { name: 1, districtId: 1, category: 1, youthCount: 1, parentId: 1, level: 1 },
  });
}

export async function districtsIn(deps: ServerDeps, scope: Scope): Promise<OrgDoc[]> {
  const filter =
    scope.level === 'city'
      ? { level: 'district' }
      : { level: 'district', _id: scope.level === 'district' ? scope.orgId : '' };
  return deps.store
    .collection<OrgDoc>(C.orgs)
    .find(filter, { sort: { order: 1, _id: 1 }, projection: { name: 1, districtId: 1, level: 1 } });
}
