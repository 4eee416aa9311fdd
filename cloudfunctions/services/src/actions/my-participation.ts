import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ParticipationDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { participationView } from '../participation';

/** The youth's own records: volunteering with hours, and what cadres recorded for them. */
export const myParticipation: Handler<typeof servicesContract.actions.myParticipation> = async (_input, ctx) => {
  const docs = await ctx.deps.store
    .collection<ParticipationDoc>(C.participation)
    .find({ openid: ctx.actor.openid }, { sort: { at: -1 }, limit: 50 });
  return ok(docs.map(participationView));
};
