/**
 * PIPL art. 47 / R9.2: what withdrawing the consent to processing the ID number and phone does (README,
 * "Personal data"). Shared by `withdrawConsent` and by `recordConsent` answering "no" after a "yes".
 *
 * - Each of the youth's nominations still in the running (submitted, returned, approved before its list is
 *   filed) is withdrawn through the nomination table (an approved place goes back) and queued for erasure at
 *   once (`eraseAfter` = now: the next run of the erasure timer deletes it and every trace of it).
 * - An approved nomination on a filed list stays on that list, which is the League's record of the selection:
 *   its phone is deleted at once, its ID number stays sealed for the filed list only (no reveal; the official
 *   export of that list), and it is erased with the list.
 * - The server draft is deleted; the phone forgets the numbers it kept (the page clears them).
 * - The youth's record in the youth database (issue 14) is queued for erasure at once, like a withdrawn record.
 * - So are the youth's service requests (with their attachments) and participation records (issue 12); the
 *   consents to sensitive service types and the offers that reached them (not applied to) go at once.
 */
import {
  C,
  type DraftDoc,
  type NominationDoc,
  type OfferReachDoc,
  type ParticipationDoc,
  type ServiceConsentDoc,
  type ServiceRequestDoc,
  type YouthDoc,
} from '../../_lib/collections';
import { moveNomination } from '../../_lib/nomination-flow';
import { ownYouthRecord } from '../../_lib/own-youth-record';
import { notifyRole } from '../../_lib/notify';
import { getOrg } from '../../_lib/queries';
import type { ActionContext } from '../../_lib/router';

const IN_THE_RUNNING = ['submitted', 'returned', 'approved'] as const;

export interface Withdrawal {
  withdrawn: number;
  keptOnFiledList: number;
}

export async function stopPersonalProcessing(
  ctx: ActionContext,
  openid: string,
  actorName: string,
): Promise<Withdrawal> {
  const { deps, now } = ctx;
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const running = await nominations.find({ youthOpenid: openid, status: { $in: [...IN_THE_RUNNING] } });
  const out: Withdrawal = { withdrawn: 0, keptOnFiledList: 0 };
  for (const doc of running) {
    const unit = await getOrg(deps, doc.unitId);
    if (!unit) continue;
    const moved = await moveNomination(ctx, {
      doc,
      unit,
      event: 'withdraw',
      entry: { at: now, action: 'withdraw', actor: openid, actorName, comment: '本人撤回个人信息处理授权' },
      set: { withdrawnAt: now, eraseAfter: now, consentWithdrawnAt: now },
      details: { consentWithdrawn: true, eraseAfter: now.toISOString() },
    });
    if (moved.ok) {
      out.withdrawn += 1;
      await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, 'nomination.withdrawn', { name: doc.name });
    } else if (moved.error.code === 'FILING.LOCKED') {
      // On a filed list: the phone goes now, the ID number stays sealed for the filed list only.
      await nominations.updateOne(
        { _id: doc._id, status: 'approved' },
        { $set: { consentWithdrawnAt: now, phoneEnc: deps.crypto.encrypt(''), phoneMasked: '', updatedAt: now } },
      );
      ctx.audit({ target: `nominations/${doc._id}`, details: { consentWithdrawn: true, keptOnFiledList: true } });
      out.keptOnFiledList += 1;
    } else {
      throw new Error(`consent withdrawal could not withdraw a nomination: ${moved.error.code}`);
    }
  }
  const drafts = deps.store.collection<DraftDoc>(C.drafts);
  for (const d of await drafts.find({ openid }, { projection: { _id: 1 } })) {
    await drafts.deleteOne({ _id: d._id });
    ctx.audit({ target: `drafts/${d._id}`, details: { consentWithdrawn: true } });
  }
  const record = await ownYouthRecord(deps, openid);
  if (record) {
    await deps.store.collection<YouthDoc>(C.youths).updateOne({ _id: record._id }, { $set: { eraseAfter: now } });
    ctx.audit({ target: `youths/${record._id}`, details: { consentWithdrawn: true, eraseAfter: now.toISOString() } });
  }
  await queueServicesForErasure(ctx, openid);
  return out;
}

/** Issue 12: the youth's requests and participation records are queued for the erasure timer (by id, in turn). */
async function queueServicesForErasure(ctx: ActionContext, openid: string): Promise<void> {
  const { store } = ctx.deps;
  const { now } = ctx;
  const requests = store.collection<ServiceRequestDoc>(C.serviceRequests);
  for (const r of await requests.find({ youthOpenid: openid }, { projection: { _id: 1 } })) {
    await requests.updateOne({ _id: r._id }, { $set: { eraseAfter: now } });
    ctx.audit({
      target: `serviceRequests/${r._id}`,
      details: { consentWithdrawn: true, eraseAfter: now.toISOString() },
    });
  }
  const participation = store.collection<ParticipationDoc>(C.participation);
  for (const p of await participation.find({ openid }, { projection: { _id: 1 } })) {
    await participation.updateOne({ _id: p._id }, { $set: { eraseAfter: now } });
  }
  // Ids only, but what they tell (a sensitive type asked about, the criteria an offer matched) goes too.
  const consents = store.collection<ServiceConsentDoc>(C.serviceConsents);
  for (const c of await consents.find({ openid }, { projection: { _id: 1 } })) {
    await consents.deleteOne({ _id: c._id });
    ctx.audit({ target: `serviceConsents/${c._id}`, details: { consentWithdrawn: true, erased: true } });
  }
  const reach = store.collection<OfferReachDoc>(C.offerReach);
  for (const r of await reach.find({ openid, requestId: null }, { projection: { _id: 1 } })) {
    await reach.deleteOne({ _id: r._id });
  }
}
