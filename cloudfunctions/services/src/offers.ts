/** Offers (政策找人): the view a cadre and a youth read. */
import type { OfferView } from '../../../miniprogram/core/contracts/services';
import { chinaDate } from '../../../miniprogram/core/china-time';
import { offerOpen } from '../../../miniprogram/core/services';
import type { ServiceOfferDoc } from '../../_lib/collections';

/** At most this many youths an offer reaches (one transaction writes their reach and notifications). */
export const REACH_MAX = 2000;

export function offerView(o: ServiceOfferDoc, typeName: string, now: Date, requestId: string | null): OfferView {
  return {
    id: o._id,
    title: o.title,
    description: o.description,
    typeId: o.typeId,
    typeName,
    closesOn: o.closesOn,
    open: offerOpen(o.closesOn, chinaDate(now)),
    reached: o.reached,
    applied: o.applied,
    requestId,
  };
}
