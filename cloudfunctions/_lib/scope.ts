/**
 * Loaders for organisation scope (R3, R4): which view a cadre asked for, checked
 * against their grants, and the organisations inside it. The rules themselves
 * (who covers what, the filters a scope implies) are in `core/scope.ts`.
 */
import { appError, type CodedError } from '../../miniprogram/core/errors';
import { err, ok, type Result } from '../../miniprogram/core/result';
import {
  ADMIN_ROLES,
  districtFilter,
  reachOf,
  scopeOfOrg,
  unitFilter,
  widestScope,
  type Reach,
  type Scope,
} from '../../miniprogram/core/scope';
import { C, type OrgDoc } from './collections';
import type { ServerDeps } from './deps';
import { covers, type Actor } from './identity';
import { getOrg } from './queries';

/** A scope with the name its pages show. */
export type NamedScope = Scope & { name: string };

export type ScopeError = CodedError<'AUTH.OUT_OF_SCOPE' | 'ORG.NOT_FOUND'>;

async function unitScope(deps: ServerDeps, actor: Actor, unitId: string): Promise<Result<NamedScope, ScopeError>> {
  const unit = await getOrg(deps, unitId);
  if (!unit || unit.level !== 'unit') return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (!covers(actor, unit, ADMIN_ROLES)) return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  return ok({ ...scopeOfOrg(unit), name: unit.name });
}

async function districtScope(
  deps: ServerDeps,
  actor: Actor,
  districtId: string,
): Promise<Result<NamedScope, ScopeError>> {
  const district = await getOrg(deps, districtId);
  if (!district || district.level !== 'district') return err(appError('ORG.NOT_FOUND', 'district not found'));
  if (!covers(actor, district, ['cityAdmin', 'districtAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'district outside your scope'));
  return ok({ ...scopeOfOrg(district), name: district.name });
}

/** The widest scope the actor holds. */
async function defaultScope(deps: ServerDeps, actor: Actor): Promise<Result<NamedScope, ScopeError>> {
  const scope = widestScope(actor.grants);
  if (!scope) return err(appError('AUTH.OUT_OF_SCOPE', 'no administrative scope'));
  if (scope.level === 'district') return districtScope(deps, actor, scope.orgId);
  const name = (await getOrg(deps, scope.orgId))?.name;
  return ok({ ...scope, name: name ?? (scope.level === 'city' ? '全市' : '') });
}

/** The scope asked for (a unit, a district, or by default the widest held), if the actor covers it. */
export function resolveScope(
  deps: ServerDeps,
  actor: Actor,
  requested: { districtId?: string; unitId?: string },
): Promise<Result<NamedScope, ScopeError>> {
  if (requested.unitId) return unitScope(deps, actor, requested.unitId);
  if (requested.districtId) return districtScope(deps, actor, requested.districtId);
  return defaultScope(deps, actor);
}

/**
 * Everything the actor's administrative grants reach together, or just the
 * unit asked for if they cover it (the review queue: R4.2).
 */
export async function resolveReach(
  deps: ServerDeps,
  actor: Actor,
  requested: { unitId?: string },
): Promise<Result<Scope | Reach, ScopeError>> {
  if (requested.unitId) return unitScope(deps, actor, requested.unitId);
  return ok(reachOf(actor.grants));
}

export async function unitsIn(deps: ServerDeps, scope: Scope): Promise<OrgDoc[]> {
  return deps.store.collection<OrgDoc>(C.orgs).find(unitFilter(scope), {
    projection: { name: 1, districtId: 1, category: 1, youthCount: 1, parentId: 1, level: 1 },
  });
}

export async function districtsIn(deps: ServerDeps, scope: Scope): Promise<OrgDoc[]> {
  return deps.store
    .collection<OrgDoc>(C.orgs)
    .find(districtFilter(scope), { sort: { order: 1, _id: 1 }, projection: { name: 1, districtId: 1, level: 1 } });
}
