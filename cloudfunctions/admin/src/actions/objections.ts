import type { adminContract, ObjectionView } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter } from '../../../../miniprogram/core/scope';
import { C, type NominationDoc, type ObjectionDoc, type OrgDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { currentPeriod, getOrg, orgNames } from '../../../_lib/queries';
import { moveNomination } from '../../../_lib/nomination-flow';
import { releaseSlot } from '../../../_lib/limits';
import { openObjectionKey } from '../../../_lib/objections';
import type { ActionContext, Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';

function objectionView(o: ObjectionDoc, youthName: string, unitName: string): ObjectionView {
  return {
    id: o._id,
    nominationId: o.nominationId,
    youthName,
    unitName,
    content: o.content,
    status: o.status,
    disposition: o.disposition,
    note: o.note,
    createdAt: o.createdAt.toISOString(),
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
  };
}

async function views(deps: ServerDeps, docs: ObjectionDoc[]): Promise<ObjectionView[]> {
  const nominations = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ _id: { $in: docs.map((d) => d.nominationId) } }, { projection: { name: 1 } });
  const youth = new Map(nominations.map((n) => [n._id, n.name]));
  const units = await orgNames(
    deps,
    docs.map((d) => d.unitId),
  );
  return docs.map((d) => objectionView(d, youth.get(d.nominationId) ?? '', units.get(d.unitId) ?? ''));
}

/** Objections from the public notice, routed to the reviewing unit (and visible to its overseers). */
export const objections: Handler<typeof adminContract.actions.objections> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, {});
  if (!scope.ok) return ok({ items: [], page: 1, pageSize: 20, total: 0, hasMore: false });
  const filter = {
    periodId: period._id,
    ...recordFilter(scope.value),
    ...(input.status ? { status: input.status } : {}),
  };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const col = deps.store.collection<ObjectionDoc>(C.objections);
  const [docs, total] = await Promise.all([
    col.find(filter, { sort: { createdAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    col.count(filter),
  ]);
  return ok({ items: await views(deps, docs), page, pageSize, total, hasMore: page * pageSize < total });
};

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
  return moveNomination(ctx, { doc, unit, event: 'uphold', entry, details: { objectionId: o._id } });
}

/** R8 the unit records a disposition; filing waits until every objection has one. */
export const resolveObjection: Handler<typeof adminContract.actions.resolveObjection> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const col = deps.store.collection<ObjectionDoc>(C.objections);
  const o = await col.get(input.objectionId);
  const unit = o ? await getOrg(deps, o.unitId) : null;
  if (!o || !unit) return err(appError('OBJECTION.NOT_FOUND', 'objection not found'));
  if (!covers(actor, unit, ['unitAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'objection outside your unit'));
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
  ctx.audit({
    target: `objections/${o._id}`,
    details: { disposition: input.disposition, nominationId: o.nominationId },
  });
  const [view] = await views(deps, [
    { ...o, status: 'resolved', disposition: input.disposition, note: input.note, resolvedAt: now },
  ]);
  return ok({ objection: view });
};
