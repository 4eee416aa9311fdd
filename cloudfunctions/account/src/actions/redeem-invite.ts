import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type InviteDoc } from '../../../_lib/collections';
import { loadActor } from '../../../_lib/identity';
import { perUserPerHour } from '../../../_lib/attempts';
import type { Guards, Handler } from '../../../_lib/router';
import { redeemBootstrap } from '../bootstrap';
import { inviteKey } from '../invite-key';
import { describeActor } from '../actor-view';

/** Wrong invitation codes a user may try in a clock hour (issue 8 §11). */
export const INVITE_TRIES_PER_USER_HOUR = 5;

/**
 * A redemption counts against the user's hour. There is no per-record count: the code is the invitation's whole
 * key, so a wrong code names no invitation to count against.
 */
export const redeemGuard: NonNullable<Guards<typeof accountContract.actions>['redeemInvite']> = {
  wrong: ['INVITE.INVALID'],
  exceeded: appError('INVITE.TOO_MANY_ATTEMPTS', 'too many wrong invitation codes'),
  limits: async (_input, { actor, now }) => [perUserPerHour('invite', actor.openid, now, INVITE_TRIES_PER_USER_HOUR)],
};

export const redeemInvite: Handler<typeof accountContract.actions.redeemInvite> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const invites = deps.store.collection<InviteDoc>(C.invites);
  const invite = await invites.get(inviteKey(deps, input.code));
  // Not an invitation: perhaps the deploy's one-time code for the first city admin.
  if (!invite)
    return (
      (await redeemBootstrap(ctx, input.code, input.displayName)) ?? err(appError('INVITE.INVALID', 'unknown code'))
    );
  if (invite.usedBy) return err(appError('INVITE.USED', 'code already used'));
  if (invite.expiresAt.getTime() < now.getTime()) return err(appError('INVITE.EXPIRED', 'code expired'));
  // Conditional claim: two people racing for one code, only one wins.
  const claimed = await invites.updateOne(
    { _id: invite._id, usedBy: null },
    { $set: { usedBy: actor.openid, usedAt: now } },
  );
  if (claimed === 0) return err(appError('INVITE.USED', 'code already used'));
  const grant = { role: invite.role, orgId: invite.orgId };
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  if (actor.registered) {
    const kept = actor.storedGrants.filter((g) => !(g.role === grant.role && g.orgId === grant.orgId));
    await accounts.updateOne(
      { _id: actor.openid },
      { $set: { grants: [...kept, grant], displayName: input.displayName, updatedAt: now } },
    );
  } else {
    await accounts.insert({
      _id: actor.openid,
      displayName: input.displayName,
      grants: [grant],
      createdAt: now,
      updatedAt: now,
    });
  }
  ctx.audit({ target: `invites/${invite._id}`, details: grant });
  return ok(await describeActor(deps, await loadActor(deps, actor.openid)));
};
