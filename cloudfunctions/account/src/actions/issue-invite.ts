import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { INVITABLE_BY, type OrgLevel, type Role } from '../../../../miniprogram/core/org';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type InviteDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import { oneTimeCode } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { inviteKey } from '../invite-key';

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The level of organisation each role's grant is held at: a mentor belongs to the city's group or a district's. */
const REQUIRED_LEVEL: Record<Role, readonly OrgLevel[]> = {
  unitAdmin: ['unit'],
  districtAdmin: ['district'],
  cityAdmin: ['city'],
  mentor: ['city', 'district'],
  youth: ['unit'],
};

/**
 * Cadre and mentor accounts are created by invitation from the level above:
 * the city invites district admins, unit admins and mentors; a district
 * invites the admins of its own units and mentors of its own group.
 */
export const issueInvite: Handler<typeof accountContract.actions.issueInvite> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const mayIssue = actor.grants.some((g) => INVITABLE_BY[g.role].includes(input.role));
  if (!mayIssue) return err(appError('AUTH.FORBIDDEN', `cannot invite ${input.role}`));
  const org = await getOrg(deps, input.orgId);
  if (!org || !REQUIRED_LEVEL[input.role].includes(org.level))
    return err(appError('ORG.NOT_FOUND', 'organisation not found at the required level'));
  const issuers = (['cityAdmin', 'districtAdmin'] as const).filter((r) => INVITABLE_BY[r].includes(input.role));
  if (!covers(actor, org, issuers)) return err(appError('AUTH.OUT_OF_SCOPE', 'organisation outside your scope'));
  const code = oneTimeCode();
  const key = inviteKey(deps, code);
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await deps.store.collection<InviteDoc>(C.invites).insert({
    _id: key,
    role: input.role,
    orgId: org._id,
    issuedBy: actor.openid,
    createdAt: now,
    expiresAt,
    usedBy: null,
    usedAt: null,
  });
  ctx.audit({ target: `invites/${key}`, details: { role: input.role, orgId: org._id } });
  return ok({ code, expiresAt: expiresAt.toISOString() });
};
