import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { moveNomination } from '../../../_lib/nomination-flow';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { notifyRole } from '../../../_lib/notify';
import { toView } from '../view';

const DAY_MS = 86_400_000;

/**
 * Issue 8 §6: the district (or the city) voids a record — typically one entered with someone else's ID number
 * — with a reason. The row of the nomination table decides what it needs (a reason; for an approved record the
 * list unfiled, its place given back). The person's uniqueness key now names a record out of the running, so
 * the real unit can nominate them; the voided record is erased after the period's retention.
 */
/** The record and its unit, if the actor is the district (or the city) over it. */
async function voidable(deps: ServerDeps, actor: Actor, id: string) {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  const unit = doc ? await getOrg(deps, doc.unitId) : null;
  if (!doc || !unit || doc.status === 'withdrawn') return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  if (!covers(actor, unit, ['districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your district'));
  return ok({ doc, unit });
}

export const voidNomination: Handler<typeof nominationContract.actions.voidNomination> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await voidable(deps, actor, input.nominationId);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  const period = await deps.store.collection<PeriodDoc>(C.periods).get(doc.periodId);
  const eraseAfter = new Date(now.getTime() + (period?.retentionDays ?? 30) * DAY_MS);
  const entry = {
    at: now,
    action: 'void' as const,
    actor: actor.openid,
    actorName: actor.displayName ?? '',
    comment: input.reason,
  };
  const moved = await moveNomination(ctx, {
    doc,
    unit,
    event: 'void',
    entry,
    set: { eraseAfter },
    details: { reason: input.reason, eraseAfter: eraseAfter.toISOString() },
  });
  if (!moved.ok) return moved;
  // Whoever the record is about, and the unit that holds it, are told why it left the list.
  const params = { name: doc.name, reason: input.reason };
  if (doc.youthOpenid) ctx.notify({ kind: 'nomination.voided', params, to: doc.youthOpenid });
  await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, 'nomination.voidedInUnit', params);
  return ok({ nomination: toView(moved.value, unit.name, now) });
};
