import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { agreementView, moveAgreement, partyOf, readable } from '../agreement-flow';

/** A party or a covering admin ends the agreement early with a reason; the match ends with it (places given back). */
export const endAgreement: Handler<typeof mentoringContract.actions.endAgreement> = async (input, ctx) => {
  const a = await readable(ctx.deps, ctx.actor, input.agreementId);
  if (!a) return err(appError('MENTORING.NOT_FOUND', 'no such agreement'));
  const moved = await moveAgreement(ctx, a, { event: 'end', comment: input.reason });
  if (!moved.ok) return err(appError('MENTORING.INVALID_STATE', moved.error.message));
  const params = { youth: a.youthName, mentor: a.mentorName, reason: input.reason };
  for (const to of [a.mentorId, a.youthOpenid])
    if (to && to !== ctx.actor.openid && partyOf(a, to)) ctx.notify({ kind: 'match.ended', params, to });
  return ok(agreementView(moved.value, ctx.actor));
};
