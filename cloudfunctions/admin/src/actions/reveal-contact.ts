import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { decides } from '../../../../miniprogram/core/review';
import { err, ok } from '../../../../miniprogram/core/result';
import { ADMIN_ROLES } from '../../../../miniprogram/core/scope';
import { C, type ObjectionDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import { reviewerOf } from '../../../_lib/reviewers';
import type { Handler } from '../../../_lib/router';

/**
 * Issue 9 §8, R9.1: the objector's contact, sealed like every phone, shown whole only to whoever handles the
 * objection (the unit's admin, or for a unit without one its district or the city), with a recorded reason of
 * the one reason bound; never kept for replay.
 */
export const revealContact: Handler<typeof adminContract.actions.revealContact> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const o = await deps.store.collection<ObjectionDoc>(C.objections).get(input.objectionId);
  const unit = o ? await getOrg(deps, o.unitId) : null;
  if (!o || !unit || !o.contactEnc) return err(appError('OBJECTION.NOT_FOUND', 'no contact to show'));
  if (!covers(actor, unit, ADMIN_ROLES)) return err(appError('AUTH.OUT_OF_SCOPE', 'objection outside your scope'));
  if (!decides(actor.grants, unit, await reviewerOf(deps, unit)))
    return err(appError('NOMINATION.NOT_REVIEWER', 'only the handler sees the contact'));
  ctx.audit({ target: `objections/${o._id}`, details: { revealed: 'contact', reason: input.reason } });
  return ok({ value: deps.crypto.decrypt(o.contactEnc) });
};
