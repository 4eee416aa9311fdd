import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc } from '../../../_lib/collections';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { mayManage } from '../role-authority';

/**
 * The level above takes a role away (issue 8 §7): the grant leaves the
 * account at once (the next call is refused), with the reason in the audit
 * (the message centre's catalogue has no kind for it yet). A grant from HQN_BOOTSTRAP_CITY_ADMINS is
 * configuration, never stored, and goes when the configuration does.
 */
export const revokeRole: Handler<typeof accountContract.actions.revokeRole> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const org = await getOrg(deps, input.orgId);
  if (!org) return err(appError('ORG.NOT_FOUND', 'organisation not found'));
  const may = mayManage(actor, input.role, org);
  if (!may.ok) return may;
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  const account = await accounts.get(input.openid);
  const held = account?.grants.some((g) => g.role === input.role && g.orgId === org._id);
  if (!account || !held) return err(appError('ROLE.NOT_FOUND', 'the person does not hold this role'));
  const grants = account.grants.filter((g) => !(g.role === input.role && g.orgId === org._id));
  // Conditional on the grants read: a concurrent change makes the transaction run again.
  const changed = await accounts.updateOne(
    { _id: account._id, updatedAt: account.updatedAt },
    { $set: { grants, updatedAt: now } },
  );
  if (changed === 0) return err(appError('ROLE.NOT_FOUND', 'the account changed meanwhile'));
  ctx.audit({
    target: `accounts/${account._id}`,
    details: { role: input.role, orgId: org._id, reason: input.reason },
  });
  return ok({ revoked: true as const });
};
