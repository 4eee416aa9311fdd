import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type ServiceConsentDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { typeOf } from '../area';

/** A sensitive type's own consent, given when the youth opens it, or withdrawn (kept with its history). */
export const consent: Handler<typeof servicesContract.actions.consent> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const type = await typeOf(deps, input.typeId);
  if (!type || !type.active || !type.sensitive) return err(appError('SERVICE.TYPE_UNKNOWN', 'no such sensitive type'));
  const col = deps.store.collection<ServiceConsentDoc>(C.serviceConsents);
  const id = `${actor.openid}:${type._id}`;
  const existing = await col.get(id);
  const step = { granted: input.granted, at: now };
  if (existing) {
    await col.updateOne({ _id: id }, { $set: { granted: input.granted, at: now }, $push: { history: step } });
  } else {
    await col.insert({
      _id: id,
      openid: actor.openid,
      typeId: type._id,
      granted: input.granted,
      at: now,
      history: [step],
    });
  }
  ctx.audit({ target: `serviceConsents/${id}`, details: { granted: input.granted } });
  return ok({ typeId: type._id, granted: input.granted });
};
