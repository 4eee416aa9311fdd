import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { INVITABLE_BY } from '../../../../miniprogram/core/org';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type InviteDoc } from '../../../_lib/collections';
import { getOrg } from '../../../_lib/queries';
import { oneTimeCode } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { inviteKey } from '../invite-key';
import { mayManage } from '../role-authority';

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
  if (!org) return err(appError('ORG.NOT_FOUND', 'organisation not found'));
  const may = mayManage(actor, input.role, org);
  if (!may.ok) return may;
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
