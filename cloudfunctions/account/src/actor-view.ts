import type { MeOutput } from '../../../miniprogram/core/contracts/account';
import type { Actor } from '../../_lib/identity';
import type { ServerDeps } from '../../_lib/deps';
import { consentOf } from '../../_lib/consent';
import { getOrg, orgNames } from '../../_lib/queries';

/** The caller's profile as the app shows it: roles with organisation names, and the youth's unit. */
export async function describeActor(deps: ServerDeps, actor: Actor): Promise<MeOutput> {
  const names = await orgNames(
    deps,
    actor.grants.map((g) => g.orgId),
  );
  const youthGrant = actor.grants.find((g) => g.role === 'youth');
  let unit: MeOutput['unit'] = null;
  if (youthGrant) {
    const org = await getOrg(deps, youthGrant.orgId);
    const district = org?.districtId ? await getOrg(deps, org.districtId) : null;
    if (org) unit = { id: org._id, name: org.name, districtName: district?.name ?? '' };
  }
  const consent = await consentOf(deps, actor.openid);
  return {
    consent: consent ? { version: consent.version, granted: consent.granted, at: consent.at.toISOString() } : null,
    registered: actor.registered,
    displayName: actor.displayName,
    roles: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: names.get(g.orgId) ?? '' })),
    unit,
  };
}
