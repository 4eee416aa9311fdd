/**
 * Who may give and take a role (issue 8 §7): the level above, within its
 * scope. The city invites and revokes district admins, unit admins and
 * mentors; a district the admins of its own units and the mentors of its own group. The same rule for
 * `issueInvite`, `revokeRole`, `cancelInvite` and `roleHolders`.
 */
import { appError } from '../../../miniprogram/core/errors';
import { INVITABLE_BY, ROLES, type Role } from '../../../miniprogram/core/org';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import type { OrgDoc } from '../../_lib/collections';
import { covers, type Actor } from '../../_lib/identity';

/** The organisation levels each role is held at: a mentor belongs to the city's group or a district's (issue 11). */
export const ROLE_LEVELS: Record<Role, readonly OrgDoc['level'][]> = {
  unitAdmin: ['unit'],
  districtAdmin: ['district'],
  cityAdmin: ['city'],
  mentor: ['city', 'district'],
  youth: ['unit'],
};

/** Whether `actor` may give or take `role` at `org`: AUTH.FORBIDDEN for the wrong level, OUT_OF_SCOPE elsewhere. */
export function mayManage(
  actor: Actor,
  role: Role,
  org: OrgDoc,
): Result<true, ReturnType<typeof appError<'AUTH.FORBIDDEN' | 'AUTH.OUT_OF_SCOPE' | 'ORG.NOT_FOUND'>>> {
  if (!actor.grants.some((g) => INVITABLE_BY[g.role].includes(role)))
    return err(appError('AUTH.FORBIDDEN', `cannot manage ${role}`));
  if (!ROLE_LEVELS[role].includes(org.level))
    return err(appError('ORG.NOT_FOUND', 'organisation not at the role’s level'));
  const issuers = (['cityAdmin', 'districtAdmin'] as const).filter((r) => INVITABLE_BY[r].includes(role));
  if (!covers(actor, org, issuers)) return err(appError('AUTH.OUT_OF_SCOPE', 'organisation outside your scope'));
  return ok(true);
}

/** The roles `actor` may give and take at `org` (empty at its own level). */
export function manageableRoles(actor: Actor, org: OrgDoc): Role[] {
  return ROLES.filter((r) => mayManage(actor, r, org).ok);
}
