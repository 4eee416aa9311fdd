import type { nominationContract, ReviewInput } from '../../../../miniprogram/core/contracts/nomination';
import { appError, type CodedError, type EligibilityCode } from '../../../../miniprogram/core/errors';
import { reviewTarget, STATUS_LABELS } from '../../../../miniprogram/core/nomination';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { enforceEligibility } from '../../../_lib/rules';
import { toView } from '../view';

/** R4.2 the unit reviews: approve, reject with a reason, or return for changes; every transition recorded. */
export const review: Handler<typeof nominationContract.actions.review> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const doc = await nominations.get(input.nominationId);
  if (!doc) return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  const unit = await getOrg(deps, doc.unitId);
  if (!unit || !covers(actor, unit, ['unitAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your unit'));
  const checked = await checkDecision(deps, doc, input, now);
  if (!checked.ok) return checked;
  const target = checked.value;
  const comment = input.comment || null;
  const entry = { at: now, action: input.decision, actor: actor.openid, actorName: actor.displayName ?? '', comment };
  // Conditional on the status we read: two reviewers cannot both decide.
  const matched = await nominations.updateOne(
    { _id: doc._id, status: 'submitted' },
    { $set: { status: target, updatedAt: now }, $push: { history: entry } },
  );
  if (matched === 0) return err(appError('NOMINATION.INVALID_STATE', 'nomination changed meanwhile'));
  ctx.audit({ target: `nominations/${doc._id}`, details: { decision: input.decision, from: doc.status, to: target } });
  if (doc.youthOpenid) ctx.notify(resultNotice(doc.youthOpenid, target, comment));
  const saved = await nominations.get(doc._id);
  if (!saved) throw new Error('nomination vanished after write');
  return ok({ nomination: toView(saved, unit.name) });
};

/** The status the decision leads to, if the decision is allowed now. */
async function checkDecision(
  deps: ServerDeps,
  doc: NominationDoc,
  input: ReviewInput,
  now: Date,
): Promise<
  Result<NominationDoc['status'], CodedError<'NOMINATION.INVALID_STATE' | 'INPUT.INVALID' | EligibilityCode>>
> {
  const target = reviewTarget(doc.status, input.decision);
  if (!target) return err(appError('NOMINATION.INVALID_STATE', `cannot ${input.decision} a ${doc.status} nomination`));
  if (input.decision !== 'approve' && !input.comment) {
    return err(appError('INPUT.INVALID', 'a reason is required', { issues: [{ path: 'comment', code: 'required' }] }));
  }
  if (input.decision === 'approve') {
    // R2.5 eligibility is re-evaluated at approval, with today's date.
    const period = await deps.store.collection<PeriodDoc>(C.periods).get(doc.periodId);
    if (!period) throw new Error('nomination without period');
    const verdict = enforceEligibility(
      { idNumber: deps.crypto.decrypt(doc.idNumberEnc), onStaff: doc.onStaff },
      period,
      now,
    );
    if (!verdict.ok) return verdict;
  }
  return ok(target);
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
