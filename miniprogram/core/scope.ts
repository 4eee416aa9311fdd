/**
 * Organisation scope (R3, R4): the city sees everything, a district its own
 * units, a unit admin their units (and a youth their own unit). The phone uses
 * it to decide what to show; the functions enforce it. Loaders live in
 * `cloudfunctions/_lib/scope.ts`.
 */
import type { Org, OrgLevel, Role, RoleGrant } from './org';

export type OrgRef = Pick<Org, '_id' | 'districtId' | 'level'>;

/** Administrative roles, widest first: the order in which a cadre's default scope is chosen. */
export const ADMIN_ROLES = ['cityAdmin', 'districtAdmin', 'unitAdmin'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** The level of the organisations each administrative role answers for. */
export const ADMIN_LEVEL: Record<AdminRole, OrgLevel> = {
  cityAdmin: 'city',
  districtAdmin: 'district',
  unitAdmin: 'unit',
};

/**
 * How far one grant reaches. A district's units carry its id as `districtId`
 * (and so does the district itself); a mentor's grant names where they serve,
 * not what they may act on.
 */
const REACH: Record<Role, 'all' | 'district' | 'own' | 'none'> = {
  cityAdmin: 'all',
  districtAdmin: 'district',
  unitAdmin: 'own',
  youth: 'own',
  mentor: 'none',
};

/** May a holder of `grant` act on `org`? */
export function grantCovers(grant: RoleGrant, org: OrgRef): boolean {
  switch (REACH[grant.role]) {
    case 'all':
      return true;
    case 'district':
      return org.districtId === grant.orgId;
    case 'own':
      return org._id === grant.orgId;
    default:
      return false;
  }
}

/** Whether any of the grants held for `roles` covers `org`. */
export function grantsCover(grants: readonly RoleGrant[], org: OrgRef, roles: readonly Role[]): boolean {
  return grants.some((g) => roles.includes(g.role) && grantCovers(g, org));
}

/**
 * One administrative view: the whole city, one district, or a unit admin's
 * units (`orgId` is the first of them, the one the pages name).
 */
export type Scope =
  | { level: 'city'; orgId: string }
  | { level: 'district'; orgId: string }
  | { level: 'unit'; orgId: string; unitIds: readonly string[] };

export function isAdminGrant<G extends RoleGrant>(grant: G): grant is G & { role: AdminRole } {
  return (ADMIN_ROLES as readonly Role[]).includes(grant.role);
}

/** The widest administrative grant (city, then district, then unit); null for someone who administers nothing. */
export function widestGrant<G extends RoleGrant>(grants: readonly G[]): (G & { role: AdminRole }) | null {
  for (const role of ADMIN_ROLES) {
    const grant = grants.find((g): g is G & { role: AdminRole } => isAdminGrant(g) && g.role === role);
    if (grant) return grant;
  }
  return null;
}

/** The scope a cadre sees when they ask for none in particular: their widest grant, all their units at unit level. */
export function widestScope(grants: readonly RoleGrant[]): Scope | null {
  const grant = widestGrant(grants);
  if (!grant) return null;
  const level = ADMIN_LEVEL[grant.role];
  if (level !== 'unit') return { level, orgId: grant.orgId };
  const unitIds = grants.filter((g) => g.role === 'unitAdmin').map((g) => g.orgId);
  return { level, orgId: grant.orgId, unitIds };
}

/** The scope of one organisation, e.g. the one a summary table or a review queue is narrowed to. */
export function scopeOfOrg(org: Pick<Org, '_id' | 'level'>): Scope {
  if (org.level === 'unit') return { level: 'unit', orgId: org._id, unitIds: [org._id] };
  return { level: org.level, orgId: org._id };
}

/**
 * Every organisation a set of grants reaches, as ids: everything, or the units
 * of some districts plus some units. Unlike a Scope it is the union of all the
 * grants (a unit admin of two units in different districts, a district admin
 * who also runs a unit elsewhere), which is what the review queue lists.
 */
export type Reach = { all: true } | { all: false; districtIds: readonly string[]; unitIds: readonly string[] };

export function reachOf(grants: readonly RoleGrant[], roles: readonly Role[] = ADMIN_ROLES): Reach {
  const held = grants.filter((g) => roles.includes(g.role));
  if (held.some((g) => REACH[g.role] === 'all')) return { all: true };
  const idsOf = (kind: 'district' | 'own') => held.filter((g) => REACH[g.role] === kind).map((g) => g.orgId);
  return { all: false, districtIds: idsOf('district'), unitIds: idsOf('own') };
}

export function reachOfScope(scope: Scope): Reach {
  if (scope.level === 'city') return { all: true };
  if (scope.level === 'district') return { all: false, districtIds: [scope.orgId], unitIds: [] };
  return { all: false, districtIds: [], unitIds: scope.unitIds };
}

/** A Mongo-style filter, as the store port takes it. */
export type DocFilter = Record<string, unknown>;

const toReach = (target: Scope | Reach): Reach => ('level' in target ? reachOfScope(target) : target);

/** An equality for one id (what the indexes look up fastest), `$in` otherwise. */
const oneOf = (ids: readonly string[]): unknown => (ids.length === 1 ? ids[0] : { $in: [...ids] });

/** The filter matching what a (non-city) reach holds, where `unitKey` names the unit's id in the documents. */
function within(reach: Extract<Reach, { all: false }>, unitKey: '_id' | 'unitId'): DocFilter {
  const clauses: DocFilter[] = [];
  if (reach.unitIds.length > 0) clauses.push({ [unitKey]: oneOf(reach.unitIds) });
  if (reach.districtIds.length > 0) clauses.push({ districtId: oneOf(reach.districtIds) });
  if (clauses.length === 0) return { [unitKey]: { $in: [] } };
  return clauses.length === 1 ? clauses[0] : { $or: clauses };
}

/** The units inside a scope or reach, as an `orgs` filter. */
export function unitFilter(target: Scope | Reach): DocFilter {
  const reach = toReach(target);
  return reach.all ? { level: 'unit' } : { level: 'unit', ...within(reach, '_id') };
}

/** The districts inside a scope or reach, as an `orgs` filter (none for a unit admin). */
export function districtFilter(target: Scope | Reach): DocFilter {
  const reach = toReach(target);
  if (reach.all) return { level: 'district' };
  return { level: 'district', _id: reach.districtIds.length > 0 ? oneOf(reach.districtIds) : { $in: [] } };
}

/**
 * Records inside a scope or reach, as a filter on any collection whose
 * documents carry their unit's `unitId` and `districtId` (nominations, quotas,
 * objections).
 */
export function recordFilter(target: Scope | Reach): DocFilter {
  const reach = toReach(target);
  return reach.all ? {} : within(reach, 'unitId');
}
