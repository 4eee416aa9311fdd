import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { C, type OfferReachDoc, type ServiceOfferDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { allTypes } from '../area';
import { offerView } from '../offers';

/** The offers that reached the youth, newest first: open ones to apply to, and those they applied to. */
export const myOffers: Handler<typeof servicesContract.actions.myOffers> = async (_input, ctx) => {
  const { deps, actor, now } = ctx;
  const reach = await deps.store
    .collection<OfferReachDoc>(C.offerReach)
    .find({ openid: actor.openid }, { sort: { at: -1 }, limit: 20 });
  if (reach.length === 0) return ok([]);
  const [docs, types] = await Promise.all([
    deps.store.collection<ServiceOfferDoc>(C.serviceOffers).find({ _id: { $in: reach.map((r) => r.offerId) } }),
    allTypes(deps),
  ]);
  const byId = new Map(docs.map((o) => [o._id, o]));
  const names = new Map(types.map((t) => [t._id, t.name]));
  return ok(
    reach.flatMap((r) => {
      const o = byId.get(r.offerId);
      return o ? [offerView(o, names.get(o.typeId) ?? '', now, r.requestId)] : [];
    }),
  );
};
