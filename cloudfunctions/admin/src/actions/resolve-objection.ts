import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type ObjectionDoc, type OrgDoc } from '../../../_lib/collections';
import { covers, type Actor } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import { moveNomination } from '../../../_lib/nomination-flow';
import { releaseSlot } from '../../../_lib/limits';
import { openObjectionKey } from '../../../_lib/objections';
import type { ActionContext, Handler } from '../../../_lib/router';
import { views } from '../objection-view';
import { reviewerOf } from '../../../_lib/reviewers';
import { decides } from '../../../../miniprogram/core/review';
import { ADMIN_ROLES } from '../../../../miniprogram/core/scope';

/** An upheld objection un-selects the youth (approved → rejected) and frees the quota place (the table's `uphold`). */
async function uphold(ctx: ActionContext & { actor: Actor }, o: ObjectionDoc, unit: OrgDoc, note: string) {
  const doc = await ctx.deps.store.collection<NominationDoc>(C.nominations).get(o.nominationId);
  // The youth withdrew meanwhile: the objection is still disposed of, there is nobody left to un-select.
  if (!doc || doc.status !== 'approved') return ok(null);
  const entry = {
    at: ctx.now,
    action: 'uphold' as const,
    actor: ctx.actor.openid,
    actorName: ctx.actor.displayName ?? '',
    comment: `公示异议成立：${note}`,
  };
  const moved = await moveNomination(ctx, { doc, unit, event: 'uphold', entry, details: { objectionId: o._id } });
  // Issue 9 §1: the youth hears of it, as of an approval or a return.
  if (moved.ok && doc.youthOpenid) ctx.notify({ kind: 'nomination.unselected', params: { note }, to: doc.youthOpenid });
  return moved;
}

/** The objector is told the outcome of their objection, either way (issue 9 §1). */
async function tellObjector(
  ctx: ActionContext,
  o: ObjectionDoc,
  d: { disposition: 'upheld' | 'dismissed'; note: string },
) {
  const name = (await ctx.deps.store.collection<NominationDoc>(C.nominations).get(o.nominationId))?.name ?? '该青年';
  ctx.notify({ kind: 'objection.resolved', params: { name, disposition: d.disposition, note: d.note }, to: o.filedBy });
}

/** R8 the unit (or who reviews for it) records a disposition; filing waits until every objection has one. */
export const resolveObjection: Handler<typeof adminContract.actions.resolveObjection> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const col = deps.store.collection<ObjectionDoc>(C.objections);
  const o = await col.get(input.objectionId);
  const unit = o ? await getOrg(deps, o.unitId) : null;
  if (!o || !unit) return err(appError('OBJECTION.NOT_FOUND', 'objection not found'));
  if (!covers(actor, unit, ADMIN_ROLES)) return err(appError('AUTH.OUT_OF_SCOPE', 'objection outside your scope'));
  // Issue 9 §2: whoever reviews the unit handles its objections (the district for a unit without an admin).
  const level = await reviewerOf(deps, unit);
  if (!decides(actor.grants, unit, level))
    return err(appError('NOMINATION.NOT_REVIEWER', `handled by the ${level} level`, { level }));
  if (o.status === 'resolved') return err(appError('OBJECTION.RESOLVED', 'already resolved'));
  const changed = await col.updateOne(
    { _id: o._id, status: 'open' },
    {
      $set: {
        status: 'resolved',
        disposition: input.disposition,
        note: input.note,
        resolvedBy: actor.openid,
        resolvedAt: now,
      },
    },
  );
  if (changed === 0) return err(appError('OBJECTION.RESOLVED', 'already resolved'));
  await releaseSlot(deps, openObjectionKey(o.nominationId, o.filedBy), now);
  if (input.disposition === 'upheld') {
    const unselected = await uphold(ctx, o, unit, input.note);
    if (!unselected.ok) return unselected;
  }
  await tellObjector(ctx, o, input);
  ctx.audit({
    target: `objections/${o._id}`,
    details: { disposition: input.disposition, nominationId: o.nominationId },
  });
  const [view] = await views(
    deps,
    [{ ...o, status: 'resolved', disposition: input.disposition, note: input.note, resolvedAt: now }],
    actor,
  );
  return ok({ objection: view });
};
