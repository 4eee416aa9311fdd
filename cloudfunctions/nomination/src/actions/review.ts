import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { moveNomination } from '../../../_lib/nomination-flow';
import { getOrg } from '../../../_lib/queries';
import { reviewerOf } from '../../../_lib/reviewers';
import { decides } from '../../../../miniprogram/core/review';
import { ADMIN_ROLES } from '../../../../miniprogram/core/scope';
import type { ActionContext, Handler } from '../../../_lib/router';
import type { NominationStatus } from '../../../../miniprogram/core/nomination';
import { toView } from '../view';

/** R4.2 the unit reviews: approve, reject with a reason, or return for changes; every transition recorded. */
export const review: Handler<typeof nominationContract.actions.review> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await reviewable(deps, actor, input.nominationId);
  if (!found.ok) return found;
  const { doc, unit, level } = found.value;
  // Issue 9 §2: the record says when the district (or the city) decided for a unit without an admin.
  const onBehalf = level === 'unit' ? {} : { onBehalf: level };
  const entry = {
    at: now,
    action: input.decision,
    actor: actor.openid,
    actorName: actor.displayName ?? '',
    comment: input.comment || null,
    ...onBehalf,
  };
  const moved = await moveNomination(ctx, {
    doc,
    unit,
    event: input.decision,
    entry,
    confirmed: Boolean(input.confirm),
    // R4.2 an approval records who confirmed on-staff status and the criteria, and when.
    set: input.decision === 'approve' ? { confirmation: { by: actor.openid, byName: entry.actorName, at: now } } : {},
    details: { decision: input.decision, ...onBehalf },
  });
  if (!moved.ok) return moved;
  notifyYouth(ctx, doc.youthOpenid, moved.value.status, entry.comment);
  return ok({ nomination: toView(moved.value, unit.name, now) });
};

function notifyYouth(ctx: ActionContext, to: string | null, status: NominationStatus, comment: string | null): void {
  if (to && (status === 'approved' || status === 'rejected' || status === 'returned'))
    ctx.notify({ kind: 'nomination.reviewed', params: { status, comment }, to });
}

/**
 * The record, its unit and the level that reviews it, if the actor decides there: the unit's admin, or for a unit
 * without an admin its district (the city for a city-level unit). Others in scope only look.
 */
async function reviewable(deps: ServerDeps, actor: Actor, id: string) {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  if (!doc) return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  const unit = await getOrg(deps, doc.unitId);
  if (!unit || !covers(actor, unit, ADMIN_ROLES))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your scope'));
  const level = await reviewerOf(deps, unit);
  if (!decides(actor.grants, unit, level))
    return err(appError('NOMINATION.NOT_REVIEWER', `reviewed by the ${level} level`, { level }));
  return ok({ doc, unit, level });
}
