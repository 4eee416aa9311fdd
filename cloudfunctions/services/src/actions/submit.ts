import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { chinaDate, chinaEndOfDay } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { checkFields, deadlines, nextCheck, offerOpen, type ServiceOwner } from '../../../../miniprogram/core/services';
import {
  C,
  type OfferReachDoc,
  type ServiceConsentDoc,
  type ServiceOfferDoc,
  type ServiceRequestDoc,
} from '../../../_lib/collections';
import { takeSlot } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import { getOrg } from '../../../_lib/queries';
import type { ActionContext, Handler } from '../../../_lib/router';
import { verifyUpload } from '../../../_lib/uploads';
import type { Actor } from '../../../_lib/identity';
import { DAILY_LIMIT, detailView, districtNames, handlersAt, queueKey, sealContent, typeOf } from '../area';
import { chinaWorkdays } from '../calendar';

type Input = Parameters<Handler<typeof servicesContract.actions.submit>>[0];

/** An offer the youth applies to in one tap: it reached them, it is open, it opens this type, not applied yet. */
async function takeOffer(ctx: ActionContext & { actor: Actor }, input: Input, requestId: string) {
  if (!input.offerId) return ok(null);
  const { deps, actor, now } = ctx;
  const offer = await deps.store.collection<ServiceOfferDoc>(C.serviceOffers).get(input.offerId);
  const reachId = `${input.offerId}:${actor.openid}`;
  const reach = await deps.store.collection<OfferReachDoc>(C.offerReach).get(reachId);
  if (!offer || !reach || reach.requestId !== null || offer.typeId !== input.typeId)
    return err(appError('SERVICE.NOT_ELIGIBLE', 'offer not for this caller'));
  if (!offerOpen(offer.closesOn, chinaDate(now))) return err(appError('SERVICE.OFFER_CLOSED', 'offer closed'));
  await deps.store
    .collection<OfferReachDoc>(C.offerReach)
    .updateOne({ _id: reachId, requestId: null }, { $set: { requestId } });
  await deps.store.collection<ServiceOfferDoc>(C.serviceOffers).updateOne({ _id: offer._id }, { $inc: { applied: 1 } });
  return ok(offer._id);
}

/**
 * A youth requests a service: a type of the catalogue (a sensitive one only with its own consent), a short
 * description, the fields the type asks for, optional photos. The request belongs to the youth's district (or
 * the city, by the type), gets its deadlines in working days, and its handlers are told.
 */
export const submit: Handler<typeof servicesContract.actions.submit> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const type = await typeOf(deps, input.typeId);
  if (!type || !type.active) return err(appError('SERVICE.TYPE_UNKNOWN', 'no such type'));
  if (type.sensitive) {
    const c = await deps.store.collection<ServiceConsentDoc>(C.serviceConsents).get(`${actor.openid}:${type._id}`);
    if (!c?.granted) return err(appError('SERVICE.CONSENT_REQUIRED', 'consent first'));
  }
  const issues = checkFields(type.fields, input.fields);
  if (issues.length > 0) return err(appError('INPUT.INVALID', 'fields', { issues }));
  const unitId = actor.grants.find((g) => g.role === 'youth')?.orgId;
  const unit = unitId ? await getOrg(deps, unitId) : null;
  if (!unit) return err(appError('ACCOUNT.NOT_BOUND', 'bind a unit first'));
  for (const fileId of input.attachments ?? []) {
    const file = await verifyUpload(deps, actor.openid, fileId, ['jpg', 'png', 'pdf']);
    if (!file.ok) return file;
  }
  const today = chinaDate(now);
  const slot = await takeSlot(deps, `service-submit:${actor.openid}:${today}`, DAILY_LIMIT, {
    now,
    expiresAt: chinaEndOfDay(today),
  });
  if (!slot) return err(appError('SERVICE.DAILY_LIMIT', 'five a day', { limit: DAILY_LIMIT }));
  const id = deps.randomId();
  const offer = await takeOffer(ctx, input, id);
  if (!offer.ok) return offer;
  const ownerOrgId = type.owner === 'city' || !unit.districtId ? deps.cityOrgId : unit.districtId;
  const level: ServiceOwner = ownerOrgId === deps.cityOrgId ? 'city' : 'district';
  const { acceptBy, resolveBy } = deadlines(now, type.limitDays, chinaWorkdays);
  const timer = {
    status: 'submitted' as const,
    acceptBy,
    resolveBy,
    level,
    escalated: false,
    remindedAccept: false,
    remindedResolve: false,
  };
  const doc: ServiceRequestDoc = {
    _id: id,
    typeId: type._id,
    typeName: type.name,
    sensitive: type.sensitive,
    youthOpenid: actor.openid,
    youthName: actor.displayName ?? '',
    unitId: unit._id,
    unitName: unit.name,
    districtId: unit.districtId,
    ownerOrgId,
    level,
    escalations: [],
    queueKeys: [queueKey(type._id, ownerOrgId)],
    contentEnc: sealContent(deps, { description: input.description, fields: input.fields }),
    attachments: input.attachments ?? [],
    status: 'submitted',
    submittedAt: now,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    acceptBy,
    resolveBy,
    dueAt: acceptBy,
    nextCheckAt: nextCheck(timer),
    remindedAccept: false,
    remindedResolve: false,
    wasOverdue: false,
    handlerOpenid: null,
    handlerName: null,
    resolution: null,
    rating: null,
    ratingComment: null,
    offerId: offer.value,
    history: [{ at: now, action: 'submit', actor: actor.openid, actorName: actor.displayName ?? '', comment: null }],
    updatedAt: now,
  };
  await deps.store.collection<ServiceRequestDoc>(C.serviceRequests).insert(doc);
  ctx.audit({ target: `serviceRequests/${id}`, details: { type: type._id, owner: ownerOrgId } });
  const handlers = handlersAt(type, ownerOrgId);
  const params = { id, type: type.name };
  for (const to of handlers) ctx.notify({ kind: 'service.submitted', params, to });
  // Nobody handles the type there yet: its admins are told, so they assign a handler.
  if (handlers.length === 0)
    await notifyRole(
      ctx,
      { role: level === 'city' ? 'cityAdmin' : 'districtAdmin', orgId: ownerOrgId },
      'service.submitted',
      params,
    );
  return ok(detailView(deps, doc, type, await districtNames(deps), now, 'requester'));
};
