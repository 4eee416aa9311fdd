import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type YouthDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { youthView } from '../youth-view';

/**
 * The new unit decides a change of unit or post (issue 14): approved, the record moves (and counts as
 * confirmed); refused with a reason, it stays where it was. Conditional on the change still pending.
 */
export const decideChange: Handler<typeof registryContract.actions.decideChange> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const doc = await youths.get(input.youthId);
  if (!doc) return err(appError('YOUTH.NOT_FOUND', 'no such record'));
  const change = doc.pendingChange;
  if (!change) return err(appError('YOUTH.INVALID_STATE', 'nothing pending'));
  const unit = await getOrg(deps, change.unitId);
  if (!unit || !covers(actor, unit, ['unitAdmin', 'districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'not the new unit'));
  if (!input.approve && !input.reason)
    return err(appError('INPUT.INVALID', 'a refusal needs a reason', { issues: [{ path: 'reason', code: 'required' }] }));
  const cleared = { pendingChange: null, pendingUnitId: null, updatedAt: now };
  const set = input.approve
    ? { ...cleared, unitId: change.unitId, districtId: change.districtId, post: change.post, lastConfirmedAt: now }
    : cleared;
  const event = input.approve ? ('change_approved' as const) : ('change_rejected' as const);
  const done = await youths.updateOne(
    { _id: doc._id, pendingUnitId: change.unitId },
    { $set: set, $push: { history: { at: now, event, actor: actor.openid, note: input.reason ?? change.unitId } } },
  );
  if (done === 0) return err(appError('YOUTH.INVALID_STATE', 'decided meanwhile'));
  ctx.audit({ target: `youths/${doc._id}`, details: { event, from: doc.unitId, to: change.unitId, reason: input.reason ?? null } });
  if (doc.openid)
    ctx.notify({ kind: 'youth.changeDecided', params: { approved: input.approve, unit: unit.name }, to: doc.openid });
  return ok(await youthView(deps, (await youths.get(doc._id)) as YouthDoc, now));
};
