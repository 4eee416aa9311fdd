import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { canWithdraw } from '../../../../miniprogram/core/nomination';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { unlocked } from '../../../_lib/filing';
import { getOrg } from '../../../_lib/queries';
import { releasePlace } from '../../../_lib/quota';
import type { Handler } from '../../../_lib/router';
import { toView } from '../view';
import { notifyUnitAdmins } from './submit-self';

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
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const matched = await nominations.updateOne(
    { _id: doc._id, status: doc.status },
    { $set: { status: 'withdrawn', withdrawnAt: now, eraseAfter, updatedAt: now }, $push: { history: entry } },
  );
  if (matched === 0) return err(appError('NOMINATION.INVALID_STATE', 'nomination changed meanwhile'));
  if (doc.status === 'approved') await releasePlace(deps, doc.periodId, doc.unitId, now);
  ctx.audit({ target: `nominations/${doc._id}`, details: { from: doc.status, eraseAfter: eraseAfter.toISOString() } });
  await notifyUnitAdmins(ctx, unit, '好青年推荐已撤回', `${doc.name}撤回了本期好青年推荐。`);
  const saved = await nominations.get(doc._id);
  if (!saved) throw new Error('nomination vanished after write');
  return ok({ nomination: toView(saved, unit.name) });
};

/** The youth's own record in a withdrawable state, not locked by a filing. */
async function withdrawable(deps: ServerDeps, openid: string, id: string) {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  const unit = doc ? await getOrg(deps, doc.unitId) : null;
  // Someone else's record is "not found": no oracle for whose ID number is nominated.
  if (!doc || !unit || doc.youthOpenid !== openid) return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  if (!canWithdraw(doc.status)) {
    return err(appError('NOMINATION.INVALID_STATE', `cannot withdraw a ${doc.status} nomination`));
  }
  // Withdrawing an approved youth changes a list that may already be filed (R4.4).
  const open = doc.status === 'approved' ? await unlocked(deps, doc.periodId, unit) : ok(null);
  return open.ok ? ok({ doc, unit }) : open;
}

/** R9.2 the period's retention decides when the withdrawn record is erased. */
async function erasureDate(deps: ServerDeps, doc: NominationDoc, now: Date): Promise<Date> {
  const period = await deps.store.collection<PeriodDoc>(C.periods).get(doc.periodId);
  return new Date(now.getTime() + (period?.retentionDays ?? 30) * DAY_MS);
}
