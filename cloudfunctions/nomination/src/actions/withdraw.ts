import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { getOrg } from '../../../_lib/queries';
import { moveNomination } from '../../../_lib/nomination-flow';
import type { Handler } from '../../../_lib/router';
import { notifyUnitAdmins } from '../unit';
import { toView } from '../view';

const DAY_MS = 86_400_000;

/** R9.2 the youth withdraws their own nomination; it leaves every list and count at once. */
export const withdraw: Handler<typeof nominationContract.actions.withdraw> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await withdrawable(deps, actor.openid, input.nominationId);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  const eraseAfter = await erasureDate(deps, doc, now);
  const entry = {
    at: now,
    action: 'withdraw' as const,
    actor: actor.openid,
    actorName: doc.name,
    comment: input.reason ?? null,
  };
  const moved = await moveNomination(ctx, {
    doc,
    unit,
    event: 'withdraw',
    entry,
    set: { withdrawnAt: now, eraseAfter },
    details: { eraseAfter: eraseAfter.toISOString() },
  });
  if (!moved.ok) return moved;
  await notifyUnitAdmins(ctx, unit, 'nomination.withdrawn', doc.name);
  return ok({ nomination: toView(moved.value, unit.name, now) });
};

/** The youth's own record (the table decides whether it may be withdrawn, and what that requires). */
async function withdrawable(deps: ServerDeps, openid: string, id: string) {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  const unit = doc ? await getOrg(deps, doc.unitId) : null;
  // Someone else's record is "not found": no oracle for whose ID number is nominated.
  if (!doc || !unit || doc.youthOpenid !== openid) return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  return ok({ doc, unit });
}

/** R9.2 the period's retention decides when the withdrawn record is erased. */
async function erasureDate(deps: ServerDeps, doc: NominationDoc, now: Date): Promise<Date> {
  const period = await deps.store.collection<PeriodDoc>(C.periods).get(doc.periodId);
  return new Date(now.getTime() + (period?.retentionDays ?? 30) * DAY_MS);
}
