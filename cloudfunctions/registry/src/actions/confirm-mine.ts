import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { maskPhone } from '../../../../miniprogram/core/id-number';
import { chinaDate } from '../../../../miniprogram/core/china-time';
import { confirmationDue } from '../../../../miniprogram/core/registry';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type OrgDoc, type YouthDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { notifyRole } from '../../../_lib/notify';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { ownYouthRecord } from '../../../_lib/own-youth-record';
import { youthView } from '../youth-view';

/** A new phone, sealed with its masked copy (none when the youth keeps theirs). */
function phoneFields(ctx: { deps: ServerDeps }, phone: string | undefined) {
  return phone ? { phoneEnc: ctx.deps.crypto.encrypt(phone), phoneMasked: maskPhone(phone) } : {};
}

/** The change waiting for the new unit's review. */
function pending(unit: OrgDoc, post: string, postSince: string | null, now: Date) {
  return {
    pendingChange: { unitId: unit._id, districtId: unit.districtId, post, postSince, at: now },
    pendingUnitId: unit._id,
  };
}

/**
 * What the youth asks for: the post start date goes with the post (none given keeps the record's), so another
 * unit, post or date is a change of post the unit reviews.
 */
function asked(doc: YouthDoc, unit: OrgDoc, input: { post: string; postSince?: string }, now: Date) {
  const before = doc.postSince ?? null;
  const postSince = input.postSince ?? before;
  const moved = unit._id !== doc.unitId || input.post !== doc.post || postSince !== before;
  return { moved, fields: moved ? pending(unit, input.post, postSince, now) : { lastConfirmedAt: now } };
}

/**
 * The youth confirms or corrects their unit, post (with the day they took it up, optional) and phone (issue 14,
 * freshness). The same unit and post confirm the record (a new phone is taken at once, sealed); another unit,
 * post or post start date goes to the new unit for review and the record stays as it was until then.
 */
export const confirmMine: Handler<typeof registryContract.actions.confirmMine> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const doc = await ownYouthRecord(deps, actor.openid);
  if (!doc) return err(appError('YOUTH.NOT_FOUND', 'no record of yours'));
  if (doc.status !== 'active') return err(appError('YOUTH.INVALID_STATE', 'alumni records are not confirmed'));
  const unit = await getOrg(deps, input.unitId);
  if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (unit.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'a unit, not a district'));
  if ((input.postSince ?? '') > chinaDate(now))
    return err(
      appError('INPUT.INVALID', 'a post start after today', { issues: [{ path: 'postSince', code: 'too_big' }] }),
    );
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const { moved, fields } = asked(doc, unit, input, now);
  const set = {
    ...phoneFields(ctx, input.phone),
    openid: actor.openid,
    updatedAt: now,
    ...fields,
  };
  const event = moved ? ('change_requested' as const) : ('confirmed' as const);
  await youths.updateOne(
    { _id: doc._id },
    { $set: set, $push: { history: { at: now, event, actor: actor.openid, note: moved ? unit._id : null } } },
  );
  ctx.audit({ target: `youths/${doc._id}`, details: { event, unitId: unit._id, phone: Boolean(input.phone) } });
  if (moved) await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, 'youth.changeRequested', { name: doc.name });
  const after = (await youths.get(doc._id)) as YouthDoc;
  return ok({ record: await youthView(deps, after, now), confirmDue: confirmationDue(after, now) });
};
