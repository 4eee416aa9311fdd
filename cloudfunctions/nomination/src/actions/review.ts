import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { moveNomination } from '../../../_lib/nomination-flow';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { toView } from '../view';

/** R4.2 the unit reviews: approve, reject with a reason, or return for changes; every transition recorded. */
export const review: Handler<typeof nominationContract.actions.review> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await reviewable(deps, actor, input.nominationId);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  const entry = {
    at: now,
    action: input.decision,
    actor: actor.openid,
    actorName: actor.displayName ?? '',
    comment: input.comment || null,
  };
  const moved = await moveNomination(ctx, {
    doc,
    unit,
    event: input.decision,
    entry,
    confirmed: Boolean(input.confirm),
    // R4.2 an approval records who confirmed on-staff status and the criteria, and when.
    set: input.decision === 'approve' ? { confirmation: { by: actor.openid, byName: entry.actorName, at: now } } : {},
    details: { decision: input.decision },
  });
  if (!moved.ok) return moved;
  const status = moved.value.status;
  if (doc.youthOpenid && (status === 'approved' || status === 'rejected' || status === 'returned'))
    ctx.notify({ kind: 'nomination.reviewed', params: { status, comment: entry.comment }, to: doc.youthOpenid });
  return ok({ nomination: toView(moved.value, unit.name, now) });
};

/** The record and its unit, if the actor administers that unit. */
async function reviewable(deps: ServerDeps, actor: Actor, id: string) {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  if (!doc) return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  const unit = await getOrg(deps, doc.unitId);
  if (!unit || !covers(actor, unit, ['unitAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your unit'));
  return ok({ doc, unit });
}
