import type { NominationView } from '../../../miniprogram/core/contracts/nomination';
import { chinaDate, fullYears } from '../../../miniprogram/core/china-time';
import type { NominationDoc } from '../../_lib/collections';

/** The masked view every list and detail returns (R9.1): no ciphertext, no hash, no full numbers. */
export function toView(doc: NominationDoc, unitName: string, now: Date): NominationView {
  return {
    id: doc._id,
    periodId: doc.periodId,
    channel: doc.channel,
    status: doc.status,
    name: doc.name,
    idNumberMasked: doc.idNumberMasked,
    phoneMasked: doc.phoneMasked,
    age: fullYears(doc.birthDate, chinaDate(now)),
    sex: doc.sex,
    education: doc.education,
    degree: doc.degree,
    politicalStatus: doc.politicalStatus,
    duty: doc.duty,
    post: doc.post,
    title: doc.title,
    skillLevel: doc.skillLevel,
    onStaff: doc.onStaff,
    attestations: { ...doc.attestations },
    deeds: doc.deeds,
    photoFileId: doc.photoFileId,
    showcaseConsent: doc.showcaseConsent,
    unitId: doc.unitId,
    unitName,
    claimed: doc.youthOpenid !== null,
    contest: doc.contest
      ? { count: doc.contest.count, lastAt: doc.contest.lastAt.toISOString(), unitIds: [...doc.contest.unitIds] }
      : null,
    consentWithdrawn: Boolean(doc.consentWithdrawnAt),
    confirmation: doc.confirmation ? { byName: doc.confirmation.byName, at: doc.confirmation.at.toISOString() } : null,
    submittedAt: doc.submittedAt ? doc.submittedAt.toISOString() : null,
    history: doc.history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      actorName: h.actorName,
      comment: h.comment,
      onBehalf: h.onBehalf ?? null,
    })),
  };
}
