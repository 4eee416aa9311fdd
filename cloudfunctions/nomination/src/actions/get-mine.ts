import type { nominationContract, DraftView } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type DraftDoc, type NominationDoc } from '../../../_lib/collections';
import { currentPeriod, orgNames } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { unlocked } from '../../../_lib/filing';
import { boundUnit } from '../unit';
import { toView } from '../view';

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
  const names = doc ? await orgNames(ctx.deps, [doc.unitId]) : new Map<string, string>();
  // Issue 9 §3: told before submitting when the unit's list is filed and locked.
  const unit = await boundUnit(ctx);
  const locked = unit ? !(await unlocked(ctx.deps, period._id, unit)).ok : false;
  return ok({
    nomination: doc ? toView(doc, names.get(doc.unitId) ?? '', ctx.now) : null,
    draft: draft ? draftView(draft) : null,
    listLocked: locked,
  });
};
