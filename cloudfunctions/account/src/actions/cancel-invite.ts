import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type InviteDoc } from '../../../_lib/collections';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { mayManage } from '../role-authority';

/**
 * The level above voids an unused invitation (issue 8 §7): the record is
 * deleted, so the code answers INVITE.INVALID like any wrong code; the audit
 * keeps who voided which invitation (by its keyed hash) and why.
 */
export const cancelInvite: Handler<typeof accountContract.actions.cancelInvite> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const invites = deps.store.collection<InviteDoc>(C.invites);
  const invite = await invites.get(input.inviteId);
  if (!invite) return err(appError('INVITE.INVALID', 'no such invitation'));
  const org = await getOrg(deps, invite.orgId);
  if (!org) return err(appError('ORG.NOT_FOUND', 'organisation not found'));
  const may = mayManage(actor, invite.role, org);
  if (!may.ok) return may;
  if (invite.usedBy) return err(appError('INVITE.USED', 'already redeemed: revoke the role instead'));
  // Conditional on still unused: a redemption racing the cancel makes one of them run again.
  const removed = await invites.deleteOne({ _id: invite._id, usedBy: null });
  if (removed === 0) return err(appError('INVITE.USED', 'redeemed meanwhile'));
  ctx.audit({ target: `invites/${invite._id}`, details: { role: invite.role, orgId: org._id, reason: input.reason } });
  return ok({ cancelled: true as const });
};
