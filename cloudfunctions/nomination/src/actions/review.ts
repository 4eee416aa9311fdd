import type { nominationContract, ReviewInput } from '../../../../miniprogram/core/contracts/nomination';
import { appError, type CodedError, type EligibilityCode } from '../../../../miniprogram/core/errors';
import { reviewTarget, STATUS_LABELS } from '../../../../miniprogram/core/nomination';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { C, type HistoryEntry, type NominationDoc, type OrgDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { unlocked } from '../../../_lib/filing';
import { getOrg } from '../../../_lib/queries';
import { releasePlace, takePlace } from '../../../_lib/quota';
import type { Handler } from '../../../_lib/router';
import { enforceEligibility } from '../../../_lib/rules';
import { toView } from '../view';

/** R4.2 the unit reviews: approve, reject with a reason, or return for changes; every transition recorded. */
export const review: Handler<typeof nominationContract.actions.review> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await reviewable(deps, actor, input.nominationId);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  const open = await unlocked(deps, doc.periodId, unit);
  if (!open.ok) return open;
  const checked = await checkDecision(deps, doc, input, now);
  if (!checked.ok) return checked;
  const { target, period } = checked.value;
  const entry = {
    at: now,
    action: input.decision,
    actor: actor.openid,
    actorName: actor.displayName ?? '',
    comment: input.comment || null,
  };
  const moved =
    target === 'approved' ? await approve(deps, doc, unit, period, entry) : await transition(deps, doc, target, entry);
  if (!moved.ok) return moved;
  ctx.audit({ target: `nominations/${doc._id}`, details: { decision: input.decision, from: doc.status, to: target } });
  if (doc.youthOpenid) ctx.notify(resultNotice(doc.youthOpenid, target, entry.comment));
  return ok({ nomination: toView(moved.value, unit.name) });
};

/** The record and its unit, if the actor administers that unit. */
async function reviewable(deps: ServerDeps, actor: Actor, id: string) {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  if (!doc) return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  const unit = await getOrg(deps, doc.unitId);
  if (!unit || !covers(actor, unit, ['unitAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your unit'));
  return ok({ doc, unit });
}

/** Conditional on the status we read: two reviewers cannot both decide. */
async function transition(deps: ServerDeps, doc: NominationDoc, target: NominationDoc['status'], entry: HistoryEntry) {
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const matched = await nominations.updateOne(
    { _id: doc._id, status: 'submitted' },
    { $set: { status: target, updatedAt: entry.at, ...confirmationOf(target, entry) }, $push: { history: entry } },
  );
  const saved = matched === 0 ? null : await nominations.get(doc._id);
  return saved ? ok(saved) : err(appError('NOMINATION.INVALID_STATE', 'nomination changed meanwhile'));
}

/** R3.2 an approval takes a quota place first; the place is given back if the status moved meanwhile. */
async function approve(deps: ServerDeps, doc: NominationDoc, unit: OrgDoc, period: PeriodDoc, entry: HistoryEntry) {
  const place = await takePlace(deps, period, unit, entry.at);
  if (!place.ok) return place;
  const moved = await transition(deps, doc, 'approved', entry);
  if (!moved.ok) await releasePlace(deps, doc.periodId, unit._id, entry.at);
  return moved;
}

/** The status the decision leads to, if the decision is allowed now. */
async function checkDecision(
  deps: ServerDeps,
  doc: NominationDoc,
  input: ReviewInput,
  now: Date,
): Promise<
  Result<
    { target: NominationDoc['status']; period: PeriodDoc },
    CodedError<'NOMINATION.INVALID_STATE' | 'INPUT.INVALID' | EligibilityCode>
  >
> {
  const target = reviewTarget(doc.status, input.decision);
  if (!target) return err(appError('NOMINATION.INVALID_STATE', `cannot ${input.decision} a ${doc.status} nomination`));
  if (input.decision === 'approve' && !input.confirm) {
    return err(
      appError('INPUT.INVALID', 'approval confirms on-staff status and the criteria', {
        issues: [{ path: 'confirm', code: 'required' }],
      }),
    );
  }
  if (input.decision !== 'approve' && !input.comment) {
    return err(appError('INPUT.INVALID', 'a reason is required', { issues: [{ path: 'comment', code: 'required' }] }));
  }
  const period = await deps.store.collection<PeriodDoc>(C.periods).get(doc.periodId);
  if (!period) throw new Error('nomination without period');
  if (input.decision === 'approve') {
    // R2.5 eligibility is re-evaluated at approval, with today's date.
    const candidate = {
      idNumber: deps.crypto.decrypt(doc.idNumberEnc),
      onStaff: doc.onStaff,
      attestations: doc.attestations,
    };
    const verdict = enforceEligibility(candidate, period, now);
    if (!verdict.ok) return verdict;
  }
  return ok({ target, period });
}

function resultNotice(toOpenid: string, status: NominationDoc['status'], comment: string | null) {
  const reason = comment ? `（${comment}）` : '';
  return {
    toOpenid,
    title: '推荐审核结果',
    body: `您的好青年推荐审核结果：${STATUS_LABELS[status]}${reason}`,
    page: 'pages/nomination/mine/index',
  };
}

/** An approval records who confirmed on-staff status and the criteria, and when (R4.2). */
function confirmationOf(target: NominationDoc['status'], entry: HistoryEntry) {
  return target === 'approved' ? { confirmation: { by: entry.actor, byName: entry.actorName, at: entry.at } } : {};
}
