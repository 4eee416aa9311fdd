import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError, type CodedError } from '../../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { C, type OrgDoc, type PendingChange, type YouthDoc } from '../../../_lib/collections';
import { covers, type Actor } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { ActionContext, Handler } from '../../../_lib/router';
import { youthView } from '../youth-view';

/** The record, its pending change and the new unit, if the caller answers for that unit. */
async function pendingFor(
  ctx: ActionContext & { actor: Actor },
  youthId: string,
): Promise<
  Result<
    { doc: YouthDoc; change: PendingChange; unit: OrgDoc },
    CodedError<'YOUTH.NOT_FOUND' | 'YOUTH.INVALID_STATE' | 'AUTH.OUT_OF_SCOPE'>
  >
> {
  const doc = await ctx.deps.store.collection<YouthDoc>(C.youths).get(youthId);
  if (!doc) return err(appError('YOUTH.NOT_FOUND', 'no such record'));
  const change = doc.pendingChange;
  if (!change) return err(appError('YOUTH.INVALID_STATE', 'nothing pending'));
  const unit = await getOrg(ctx.deps, change.unitId);
  if (!unit || !covers(ctx.actor, unit, ['unitAdmin', 'districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'not the new unit'));
  return ok({ doc, change, unit });
}

/** Where an approved change puts the record: the unit, the post and the day the post began (if the youth said). */
const movedTo = (change: PendingChange) => ({
  unitId: change.unitId,
  districtId: change.districtId,
  post: change.post,
  postSince: change.postSince ?? null,
});

/**
 * The new unit decides a change of unit or post (issue 14): approved, the record moves (and counts as
 * confirmed); refused with a reason, it stays where it was. Conditional on the change still pending.
 */
export const decideChange: Handler<typeof registryContract.actions.decideChange> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await pendingFor(ctx, input.youthId);
  if (!found.ok) return found;
  const { doc, change, unit } = found.value;
  if (!input.approve && !input.reason)
    return err(
      appError('INPUT.INVALID', 'a refusal needs a reason', { issues: [{ path: 'reason', code: 'required' }] }),
    );
  const reason = input.reason ?? null;
  const cleared = { pendingChange: null, pendingUnitId: null, updatedAt: now };
  const moved = { ...movedTo(change), lastConfirmedAt: now };
  const set = input.approve ? { ...cleared, ...moved } : cleared;
  const event = input.approve ? ('change_approved' as const) : ('change_rejected' as const);
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const done = await youths.updateOne(
    { _id: doc._id, pendingUnitId: change.unitId },
    { $set: set, $push: { history: { at: now, event, actor: actor.openid, note: reason ?? change.unitId } } },
  );
  if (done === 0) return err(appError('YOUTH.INVALID_STATE', 'decided meanwhile'));
  ctx.audit({ target: `youths/${doc._id}`, details: { event, from: doc.unitId, to: change.unitId, reason } });
  if (doc.openid)
    ctx.notify({
      kind: 'youth.changeDecided',
      params: { approved: input.approve, unit: unit.name, reason },
      to: doc.openid,
    });
  return ok(await youthView(deps, (await youths.get(doc._id)) as YouthDoc, now));
};
