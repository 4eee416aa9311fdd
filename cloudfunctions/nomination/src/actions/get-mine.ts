import type { nominationContract, DraftView } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type DraftDoc, type NominationDoc, type OrgDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { unlocked } from '../../../_lib/filing';
import { rebindOption, withdrawOption } from '../../../_lib/youth-options';
import { boundUnit } from '../unit';
import { toView } from '../view';
import { waitingFor } from '../waiting';

const draftView = (d: DraftDoc): DraftView => ({ fields: d.fields, updatedAt: d.updatedAt.toISOString() });

/** The youth's nomination this period (withdrawn ones disappear) and the draft in progress, if any. */
export const getMine: Handler<typeof nominationContract.actions.getMine> = async (_input, ctx) => {
  const period = await currentPeriod(ctx.deps, ctx.now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const [doc] = await ctx.deps.store
    .collection<NominationDoc>(C.nominations)
    .find(
      { periodId: period._id, youthOpenid: ctx.actor.openid, status: { $ne: 'withdrawn' } },
      { sort: { updatedAt: -1 }, limit: 1 },
    );
  const draft = await ctx.deps.store.collection<DraftDoc>(C.drafts).get(`${period._id}:${ctx.actor.openid}`);
  const unit = doc ? await getOrg(ctx.deps, doc.unitId) : null;
  const running = doc && unit ? await progress(ctx.deps, doc, unit) : { withdraw: null, waiting: null };
  // Issue 9 §3: told before submitting when the unit's list is filed and locked.
  const bound = await boundUnit(ctx);
  const locked = bound ? !(await unlocked(ctx.deps, period._id, bound)).ok : false;
  return ok({
    nomination: doc ? toView(doc, unit?.name ?? '', ctx.now) : null,
    draft: draft ? draftView(draft) : null,
    listLocked: locked,
    options: { withdraw: running.withdraw, rebind: await rebindOption(ctx.deps, ctx.actor.openid) },
    waiting: running.waiting,
  });
};

/** What the youth may do with the record, and whom it waits on (issue 9). */
async function progress(deps: ServerDeps, doc: NominationDoc, unit: OrgDoc) {
  const [withdraw, waiting] = await Promise.all([withdrawOption(deps, doc, unit), waitingFor(deps, doc, unit)]);
  return { withdraw, waiting };
}
