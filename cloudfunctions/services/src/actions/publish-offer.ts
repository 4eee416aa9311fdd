import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { chinaDate } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { meetsCriteria, offerOpen } from '../../../../miniprogram/core/services';
import { C, type NominationDoc, type OfferReachDoc, type ServiceOfferDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { offerView, REACH_MAX } from '../offers';
import { typeOf } from '../area';

/** Records that no longer stand for a person in the programme. */
const GONE = ['withdrawn', 'voided'];

/**
 * Policy finds the person (政策找人): a cadre publishes an offer with criteria over the youths of their scope (the
 * current period's records); every youth with an account who meets them is reached — sees it in the app and is
 * notified — and the cadre learns how many, never who.
 */
export const publishOffer: Handler<typeof servicesContract.actions.publishOffer> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const type = await typeOf(deps, input.typeId);
  if (!type || !type.active) return err(appError('SERVICE.TYPE_UNKNOWN', 'no such type'));
  if (!offerOpen(input.closesOn, chinaDate(now))) return err(appError('SERVICE.OFFER_CLOSED', 'closing date passed'));
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const filter: Record<string, unknown> = { periodId: period._id };
  if (scope.value.level === 'district') filter.districtId = scope.value.orgId;
  const records = await deps.store.collection<NominationDoc>(C.nominations).find(filter, {
    projection: {
      youthOpenid: 1,
      education: 1,
      title: 1,
      districtId: 1,
      category: 1,
      politicalStatus: 1,
      periodId: 1,
      status: 1,
    },
  });
  const reached = [
    ...new Set(
      records
        .filter((n) => n.youthOpenid && !GONE.includes(n.status))
        .filter((n) => meetsCriteria(input.criteria, { ...n, unitCategory: n.category }))
        .map((n) => n.youthOpenid as string),
    ),
  ].slice(0, REACH_MAX);
  const offer: ServiceOfferDoc = {
    _id: deps.randomId(),
    title: input.title,
    description: input.description,
    typeId: type._id,
    criteria: input.criteria,
    closesOn: input.closesOn,
    orgId: scope.value.orgId,
    districtId: scope.value.level === 'district' ? scope.value.orgId : null,
    reached: reached.length,
    applied: 0,
    createdBy: actor.openid,
    createdAt: now,
  };
  await deps.store.collection<ServiceOfferDoc>(C.serviceOffers).insert(offer);
  const reach = deps.store.collection<OfferReachDoc>(C.offerReach);
  for (const openid of reached) {
    await reach.insert({ _id: `${offer._id}:${openid}`, offerId: offer._id, openid, requestId: null, at: now });
    ctx.notify({ kind: 'offer.published', params: { title: offer.title, closesOn: offer.closesOn }, to: openid });
  }
  ctx.audit({ target: `serviceOffers/${offer._id}`, details: { reached: reached.length, scope: scope.value.orgId } });
  return ok(offerView(offer, type.name, now, null));
};
