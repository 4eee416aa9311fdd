/**
 * R9.2 / PIPL art. 47: the erasure of one nomination record and of every trace of its person's data — the
 * record, the person's uniqueness key, the objections about them (and their limit counters), the messages
 * and the stored request outcomes that name the record or those objections. One transaction, all by id, so a
 * crash leaves the record whole for the next run and a rerun finds nothing left to do. The audit keeps who
 * did what with the record's random id, and the erasure itself.
 */
import { ERASABLE_STATUSES } from '../../../miniprogram/core/nomination';
import {
  C,
  type NominationDoc,
  type NominationKeyDoc,
  type ObjectionDoc,
  type MessageDoc,
  type OfferReachDoc,
  type OutboxDoc,
  type ParticipationDoc,
  type RequestDoc,
  type ServiceRequestDoc,
  type YouthDoc,
  type YouthKeyDoc,
} from '../../_lib/collections';
import { openObjectionKey } from '../../_lib/objections';
import { claimRecordKey } from '../../_lib/claim-keys';
import type { ActionContext } from '../../_lib/router';

const isErasable = (s: NominationDoc['status']): boolean => (ERASABLE_STATUSES as readonly string[]).includes(s);

/** Erases the record `id` if it is still due; false when it is gone or no longer due (nothing written). */
export async function eraseNomination(ctx: ActionContext, id: string): Promise<boolean> {
  const { store } = ctx.deps;
  const nominations = store.collection<NominationDoc>(C.nominations);
  const doc = await nominations.get(id);
  if (!doc || !isErasable(doc.status) || !doc.eraseAfter || doc.eraseAfter > ctx.now) return false;
  // Conditional on the status read: a record moved meanwhile is left alone.
  if ((await nominations.deleteOne({ _id: id, status: doc.status })) === 0) return false;

  const keys = store.collection<NominationKeyDoc>(C.nominationKeys);
  const key = `${doc.periodId}:${doc.idHash}`;
  const held = await keys.get(key);
  // The key goes only while it still names this record: a newer nomination of the person keeps it.
  if (held?.nominationId === id) await keys.deleteOne({ _id: key });

  const objections = await eraseObjectionsAndCounters(ctx, id);

  // What names the record, the objections about it, or the youth's draft for it (whose saved outcomes hold the form).
  const subjects = [
    `nominations/${id}`,
    ...objections.map((o) => `objections/${o._id}`),
    ...(doc.youthOpenid ? [`drafts/${doc.periodId}:${doc.youthOpenid}`] : []),
  ];
  const { messages, outcomes } = await forgetSubjects(ctx, subjects);
  // The photo goes last: a fault before this line rolls the record back with its photo still stored.
  if (doc.photoFileId) await ctx.deps.files.remove(doc.photoFileId);
  ctx.audit({
    target: `nominations/${id}`,
    details: { erased: true, unitId: doc.unitId, objections: objections.length, messages, outcomes },
  });
  return true;
}

/**
 * Erases a youth's database record (issue 14) if it is still due: the record, its person key while it names it,
 * and the messages and outcomes naming it; false when it is gone or no longer due.
 */
export async function eraseYouth(ctx: ActionContext, id: string): Promise<boolean> {
  const youths = ctx.deps.store.collection<YouthDoc>(C.youths);
  const doc = await youths.get(id);
  if (!doc || !doc.eraseAfter || doc.eraseAfter > ctx.now) return false;
  if ((await youths.deleteOne({ _id: id, eraseAfter: doc.eraseAfter })) === 0) return false;
  const keys = ctx.deps.store.collection<YouthKeyDoc>(C.youthKeys);
  if ((await keys.get(doc.idHash))?.youthId === id) await keys.deleteOne({ _id: doc.idHash });
  const { messages, outcomes } = await forgetSubjects(ctx, [`youths/${id}`]);
  ctx.audit({ target: `youths/${id}`, details: { erased: true, unitId: doc.unitId, messages, outcomes } });
  return true;
}

/**
 * Erases a service request (issue 12) queued for erasure: the request with its sealed contents, its one-tap
 * offer application, the messages and outcomes naming it, and its attachments in cloud storage (last, so a fault
 * before leaves the request whole for the next run). The offer keeps its counts (reached, applied).
 */
export async function eraseServiceRequest(ctx: ActionContext, id: string): Promise<boolean> {
  const requests = ctx.deps.store.collection<ServiceRequestDoc>(C.serviceRequests);
  const doc = await requests.get(id);
  if (!doc || !doc.eraseAfter || doc.eraseAfter > ctx.now) return false;
  if ((await requests.deleteOne({ _id: id, eraseAfter: doc.eraseAfter })) === 0) return false;
  if (doc.offerId) {
    await ctx.deps.store
      .collection<OfferReachDoc>(C.offerReach)
      .deleteOne({ _id: `${doc.offerId}:${doc.youthOpenid}` });
  }
  const { messages, outcomes } = await forgetSubjects(ctx, [`serviceRequests/${id}`]);
  for (const fileId of doc.attachments) await ctx.deps.files.remove(fileId);
  ctx.audit({
    target: `serviceRequests/${id}`,
    details: { erased: true, typeId: doc.typeId, attachments: doc.attachments.length, messages, outcomes },
  });
  return true;
}

/** Erases a participation record (issue 12) queued for erasure, with the messages and outcomes naming it. */
export async function eraseParticipation(ctx: ActionContext, id: string): Promise<boolean> {
  const col = ctx.deps.store.collection<ParticipationDoc>(C.participation);
  const doc = await col.get(id);
  if (!doc || !doc.eraseAfter || doc.eraseAfter > ctx.now) return false;
  if ((await col.deleteOne({ _id: id, eraseAfter: doc.eraseAfter })) === 0) return false;
  const { messages, outcomes } = await forgetSubjects(ctx, [`participation/${id}`]);
  ctx.audit({ target: `participation/${id}`, details: { erased: true, kind: doc.kind, messages, outcomes } });
  return true;
}

/** Deletes the queued or sent messages and the stored request outcomes that name any of `subjects`. */
export async function forgetSubjects(
  ctx: ActionContext,
  subjects: string[],
): Promise<{ messages: number; outcomes: number }> {
  const outbox = ctx.deps.store.collection<OutboxDoc>(C.outbox);
  const inApp = ctx.deps.store.collection<MessageDoc>(C.messages);
  const requests = ctx.deps.store.collection<RequestDoc>(C.requests);
  let messages = 0;
  let outcomes = 0;
  for (const subject of subjects) {
    for (const m of await outbox.find({ subjects: subject }, { projection: { _id: 1 } })) {
      messages += await outbox.deleteOne({ _id: m._id });
    }
    // The in-app copies (消息中心) carry the same text.
    for (const m of await inApp.find({ subjects: subject }, { projection: { _id: 1 } })) {
      await inApp.deleteOne({ _id: m._id });
    }
    for (const r of await requests.find({ subjects: subject }, { projection: { _id: 1 } })) {
      outcomes += await requests.deleteOne({ _id: r._id });
    }
  }
  return { messages, outcomes };
}

/** The objections about record `id` and the counters named by it (open objections, wrong claims, issue 8 §11). */
async function eraseObjectionsAndCounters(ctx: ActionContext, id: string): Promise<ObjectionDoc[]> {
  const { store } = ctx.deps;
  const objections = await store.collection<ObjectionDoc>(C.objections).find({ nominationId: id });
  const limits = store.collection(C.limits);
  await limits.deleteOne({ _id: claimRecordKey(id) });
  for (const o of objections) {
    await store.collection<ObjectionDoc>(C.objections).deleteOne({ _id: o._id });
    await limits.deleteOne({ _id: openObjectionKey(id, o.filedBy) });
  }
  return objections;
}
