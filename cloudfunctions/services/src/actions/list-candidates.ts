import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';

/** A city or a district has a handful of admins; the handlers page shows them all. */
const MAX_ROWS = 100;

/**
 * Who may be named a handler at one organisation (`setHandlers` accepts exactly these): the city's admins for the
 * city, a district's for the district, in the caller's scope. Names only — never a phone or an ID number.
 */
export const candidates: Handler<typeof servicesContract.actions.candidates> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const org = await getOrg(deps, input.orgId);
  if (!org || org.level === 'unit') return err(appError('ORG.NOT_FOUND', 'the city or a district'));
  if (!covers(actor, org, ['cityAdmin', 'districtAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'not yours'));
  const role = org.level === 'city' ? 'cityAdmin' : 'districtAdmin';
  const accounts = await deps.store
    .collection<AccountDoc>(C.accounts)
    .find({ grants: { $elemMatch: { orgId: org._id, role: { $in: [role] } } } }, { limit: MAX_ROWS, sort: { _id: 1 } });
  return ok(accounts.map((a) => ({ openid: a._id, name: a.displayName ?? '' })));
};
