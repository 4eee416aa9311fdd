/**
 * Identity: the OPENID comes from the platform context only (never the
 * payload); roles and organisation scope from the `accounts` collection.
 */
import type { Role, RoleGrant } from '../../miniprogram/core/org';
import { grantsCover, type OrgRef } from '../../miniprogram/core/scope';
import { C, type AccountDoc } from './collections';
import type { ServerDeps } from './deps';

export interface Actor {
  openid: string;
  displayName: string | null;
  registered: boolean;
  /** What the caller may do now: the stored grants plus a configured bootstrap grant. */
  grants: RoleGrant[];
  /**
   * The grants in `accounts` only. Writes to the account start from these: a bootstrap grant lives in the
   * configuration, so removing the user from HQN_BOOTSTRAP_CITY_ADMINS removes the role (issue 8 §7).
   */
  storedGrants: RoleGrant[];
}

export async function loadActor(deps: ServerDeps, openid: string): Promise<Actor> {
  const account = await deps.store.collection<AccountDoc>(C.accounts).get(openid);
  const grants = account ? [...account.grants] : [];
  if (deps.bootstrapCityAdmins.includes(openid) && !grants.some((g) => g.role === 'cityAdmin')) {
    grants.push({ role: 'cityAdmin', orgId: deps.cityOrgId });
  }
  return {
    openid,
    displayName: account?.displayName ?? null,
    registered: account !== null,
    grants,
    storedGrants: account ? [...account.grants] : [],
  };
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

export function grantsOf(actor: Actor, role: Role): RoleGrant[] {
  return actor.grants.filter((g) => g.role === role);
}

/** Whether any of the actor's grants for `roles` covers `org` (the rule: `core/scope.ts`). */
export function covers(actor: Actor, org: OrgRef, roles: readonly Role[]): boolean {
  return grantsCover(actor.grants, org, roles);
}
