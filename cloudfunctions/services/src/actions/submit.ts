import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { chinaDate, chinaEndOfDay } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { checkFields, deadlines, nextCheck, offerOpen, type ServiceOwner } from '../../../../miniprogram/core/services';
import {
  C,
  type OfferReachDoc,
  type OrgDoc,
  type ServiceConsentDoc,
  type ServiceOfferDoc,
  type ServiceRequestDoc,
  type ServiceTypeDoc,
} from '../../../_lib/collections';
import { consentOf } from '../../../_lib/consent';
import type { Actor } from '../../../_lib/identity';
import { takeSlot } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import { getOrg } from '../../../_lib/queries';
import type { ActionContext, Handler } from '../../../_lib/router';
import { verifyUpload } from '../../../_lib/uploads';
import { DAILY_LIMIT, detailView, districtNames, handlersAt, queueKey, sealContent, typeOf } from '../area';
import { chinaWorkdays } from '../calendar';

type Input = Parameters<Handler<typeof servicesContract.actions.submit>>[0];
type Ctx = ActionContext & { actor: Actor };

/** The type, active; a sensitive one only with the youth's own consent to it. */
async function typeFor(ctx: Ctx, typeId: string) {
  const type = await typeOf(ctx.deps, typeId);
  if (!type || !type.active) return err(appError('SERVICE.TYPE_UNKNOWN', 'no such type'));
  if (!type.sensitive) return ok(type);
  const id = `${ctx.actor.openid}:${type._id}`;
  const consent = await ctx.deps.store.collection<ServiceConsentDoc>(C.serviceConsents).get(id);
  return consent?.granted ? ok(type) : err(appError('SERVICE.CONSENT_REQUIRED', 'consent first'));
}

/** The type, the fields it asks for, the youth's unit, the files (each the caller's own upload, checked). */
async function check(ctx: Ctx, input: Input) {
  const { deps, actor } = ctx;
  const type = await typeFor(ctx, input.typeId);
  if (!type.ok) return type;
  const issues = checkFields(type.value.fields, input.fields);
  if (issues.length > 0) return err(appError('INPUT.INVALID', 'fields', { issues }));
  const unitId = actor.grants.find((g) => g.role === 'youth')?.orgId;
  const unit = unitId ? await getOrg(deps, unitId) : null;
  if (!unit) return err(appError('ACCOUNT.NOT_BOUND', 'bind a unit first'));
  for (const fileId of input.attachments ?? []) {
    const file = await verifyUpload(deps, actor.openid, fileId, ['jpg', 'png', 'pdf']);
    if (!file.ok) return file;
  }
  return ok({ type: type.value, unit });
}

/** An offer the youth applies to in one tap: it reached them, it is open, it opens this type, not applied yet. */
async function takeOffer(ctx: Ctx, input: Input, requestId: string) {
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

function newRequest(
  ctx: Ctx,
  p: { id: string; type: ServiceTypeDoc; unit: OrgDoc; input: Input; offerId: string | null },
): ServiceRequestDoc {
  const { deps, actor, now } = ctx;
  const { id, type, unit, input } = p;
  const ownerOrgId = type.owner === 'city' || !unit.districtId ? deps.cityOrgId : unit.districtId;
  const level: ServiceOwner = ownerOrgId === deps.cityOrgId ? 'city' : 'district';
  const { acceptBy, resolveBy } = deadlines(now, type.limitDays, chinaWorkdays);
  const flags = { remindedAccept: false, remindedResolve: false, wasOverdue: false };
  return {
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
    nextCheckAt: nextCheck({ status: 'submitted', acceptBy, resolveBy, level, escalated: false, ...flags }),
    ...flags,
    handlerOpenid: null,
    handlerName: null,
    resolution: null,
    rating: null,
    ratingComment: null,
    offerId: p.offerId,
    history: [{ at: now, action: 'submit', actor: actor.openid, actorName: actor.displayName ?? '', comment: null }],
    updatedAt: now,
  };
}

/**
 * A youth requests a service: a type of the catalogue, a short description, the fields the type asks for,
 * optional photos. The request belongs to the youth's district (or the city, by the type), gets its deadlines in
 * working days, and its handlers are told — or, while the type has none there, the admins who assign them.
 */
export const submit: Handler<typeof servicesContract.actions.submit> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  // A youth who withdrew the personal-information consent is being erased: nothing new is taken in (R9.2).
  if ((await consentOf(deps, actor.openid))?.granted === false)
    return err(appError('CONSENT.WITHDRAWN', 'personal-information consent withdrawn'));
  const checked = await check(ctx, input);
  if (!checked.ok) return checked;
  const { type, unit } = checked.value;
  const today = chinaDate(now);
  const slot = await takeSlot(deps, `service-submit:${actor.openid}:${today}`, DAILY_LIMIT, {
    now,
    expiresAt: chinaEndOfDay(today),
  });
  if (!slot) return err(appError('SERVICE.DAILY_LIMIT', 'five a day', { limit: DAILY_LIMIT }));
  const id = deps.randomId();
  const offer = await takeOffer(ctx, input, id);
  if (!offer.ok) return offer;
  const doc = newRequest(ctx, { id, type, unit, input, offerId: offer.value });
  await deps.store.collection<ServiceRequestDoc>(C.serviceRequests).insert(doc);
  ctx.audit({ target: `serviceRequests/${id}`, details: { type: type._id, owner: doc.ownerOrgId } });
  const handlers = handlersAt(type, doc.ownerOrgId);
  const params = { id, type: type.name };
  for (const to of handlers) ctx.notify({ kind: 'service.submitted', params, to });
  if (handlers.length === 0) {
    const role = doc.level === 'city' ? 'cityAdmin' : 'districtAdmin';
    await notifyRole(ctx, { role, orgId: doc.ownerOrgId }, 'service.submitted', params);
  }
  return ok(detailView(deps, doc, type, await districtNames(deps), now, 'requester'));
};
