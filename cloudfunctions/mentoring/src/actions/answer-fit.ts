import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { mayAnswerFit, REMATCH_REASON, type Party } from '../../../../miniprogram/core/mentoring-agreement';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AgreementDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { Handler } from '../../../_lib/router';
import { agreementView, moveAgreement, ownAgreement } from '../agreement-flow';

/** 不合适: the agreement and the match end, the admins are told to match again, and so is the other party. */
async function rematch(ctx: Parameters<Handler<Spec>>[1], a: AgreementDoc, party: Party) {
  const ended = await moveAgreement(ctx, a, { event: 'end', comment: REMATCH_REASON });
  if (!ended.ok) return err(appError('MENTORING.INVALID_STATE', ended.error.message));
  const params = { youth: a.youthName, mentor: a.mentorName };
  const admins = a.districtId
    ? { role: 'districtAdmin' as const, orgId: a.districtId }
    : { role: 'cityAdmin' as const, orgId: ctx.deps.cityOrgId };
  await notifyRole(ctx, admins, 'match.misfit', params);
  const other = party === 'mentor' ? a.youthOpenid : a.mentorId;
  if (other) ctx.notify({ kind: 'match.ended', params: { ...params, reason: REMATCH_REASON }, to: other });
  return ok(agreementView(ended.value, ctx.actor));
}

/**
 * The first-meeting pairing fit (合适 / 再看看 / 不合适), once a meeting was logged. 不合适 from either party ends
 * the agreement and the match at once: the youth returns to the pool and the admins are told to match again.
 */
type Spec = typeof mentoringContract.actions.answerFit;

export const answerFit: Handler<Spec> = async (input, ctx) => {
  const { deps, now } = ctx;
  const own = await ownAgreement(deps, ctx.actor, input.agreementId);
  if (!own.ok) return own;
  const { a, party } = own.value;
  if (a.meetings === 0) return err(appError('MENTORING.NO_MEETING', 'log the first meeting first'));
  if (!mayAnswerFit(a.status, a.meetings, a.fit[party]))
    return err(appError('MENTORING.INVALID_STATE', 'the fit was answered or the pair closed'));
  const agreements = deps.store.collection<AgreementDoc>(C.agreements);
  const fit = { ...a.fit, [party]: input.answer };
  const changed = await agreements.updateOne(
    { _id: a._id, status: a.status, updatedAt: a.updatedAt },
    { $set: { fit, updatedAt: now, lastStepAt: now } },
  );
  if (changed !== 1) return err(appError('MENTORING.INVALID_STATE', 'changed meanwhile'));
  ctx.audit({ target: `agreements/${a._id}`, details: { fit: input.answer, party } });
  const current = (await agreements.get(a._id)) as AgreementDoc;
  if (input.answer !== 'poor') return ok(agreementView(current, ctx.actor));
  return rematch(ctx, current, party);
};
