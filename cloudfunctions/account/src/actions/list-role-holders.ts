import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type InviteDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { manageableRoles } from '../role-authority';

/** A unit or district has a handful of admins and open invitations; the page shows them all. */
const MAX_ROWS = 100;

/** The role holders the caller may take away at one organisation, and its unused, unexpired invitations. */
export const roleHolders: Handler<typeof accountContract.actions.roleHolders> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const org = await getOrg(deps, input.orgId);
  if (!org) return err(appError('ORG.NOT_FOUND', 'organisation not found'));
  if (!covers(actor, org, ['cityAdmin', 'districtAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'organisation outside your scope'));
  const roles = manageableRoles(actor, org);
  const view = { org: { id: org._id, name: org.name, level: org.level } };
  if (roles.length === 0) return ok({ ...view, holders: [], invites: [] });
  const accounts = await deps.store
    .collection<AccountDoc>(C.accounts)
    .find({ grants: { $elemMatch: { orgId: org._id, role: { $in: roles } } } }, { limit: MAX_ROWS, sort: { _id: 1 } });
  const holders = accounts.flatMap((a) =>
    a.grants
      .filter((g) => g.orgId === org._id && roles.includes(g.role))
      .map((g) => ({ openid: a._id, displayName: a.displayName, role: g.role })),
  );
  const invites = await deps.store
    .collection<InviteDoc>(C.invites)
    .find({ orgId: org._id, usedBy: null, expiresAt: { $gt: now } }, { limit: MAX_ROWS, sort: { createdAt: -1 } });
  return ok({
    ...view,
    holders,
    invites: invites
      .filter((i) => roles.includes(i.role))
      .map((i) => ({
        id: i._id,
        role: i.role,
        createdAt: i.createdAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
      })),
  });
};
