/**
 * A reviewer's decision on one record (R4.2), shared by `review` and `reviewBatch`: who may decide (the unit's
 * admin, or for a unit without one its district, the city for a city-level unit), the move through the table
 * with its history entry, and the youth's notification.
 */
import type { ReviewDecision } from '../../../miniprogram/core/nomination';
import { appError } from '../../../miniprogram/core/errors';
import { decides } from '../../../miniprogram/core/review';
import { err, ok } from '../../../miniprogram/core/result';
import { ADMIN_ROLES } from '../../../miniprogram/core/scope';
import { C, type NominationDoc, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, type Actor } from '../../_lib/identity';
import { moveNomination } from '../../_lib/nomination-flow';
import { getOrg } from '../../_lib/queries';
import { reviewerOf } from '../../_lib/reviewers';
import type { ActionContext } from '../../_lib/router';

/** The record, its unit and the level that reviews it, if the actor decides there; others in scope only look. */
export async function reviewable(deps: ServerDeps, actor: Actor, id: string) {
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

/** Moves the record by the decision, records who decided (and on whose behalf), and tells the youth. */
export async function decide(
  ctx: ActionContext & { actor: Actor },
  found: { doc: NominationDoc; unit: OrgDoc; level: string },
  decision: ReviewDecision,
  comment: string | null,
  confirmed: boolean,
) {
  const { actor, now } = ctx;
  const { doc, unit, level } = found;
  // Issue 9 §2: the record says when the district (or the city) decided for a unit without an admin.
  const onBehalf = level === 'unit' ? {} : { onBehalf: level as 'district' | 'city' };
  const entry = {
    at: now,
    action: decision,
    actor: actor.openid,
    actorName: actor.displayName ?? '',
    comment,
    ...onBehalf,
  };
  const moved = await moveNomination(ctx, {
    doc,
    unit,
    event: decision,
    entry,
    confirmed,
    // R4.2 an approval records who confirmed on-staff status and the criteria, and when.
    set: decision === 'approve' ? { confirmation: { by: actor.openid, byName: entry.actorName, at: now } } : {},
    details: { decision, ...onBehalf },
  });
  if (!moved.ok) return moved;
  const status = moved.value.status;
  if (doc.youthOpenid && (status === 'approved' || status === 'rejected' || status === 'returned'))
    ctx.notify({ kind: 'nomination.reviewed', params: { status, comment }, to: doc.youthOpenid });
  return moved;
}
