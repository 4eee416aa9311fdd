import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { agreementView, moveAgreement, ownAgreement } from '../agreement-flow';

/** 结业: the mentor closes an active agreement with a final assessment that re-rates every goal set at the start. */
export const completeAgreement: Handler<typeof mentoringContract.actions.completeAgreement> = async (input, ctx) => {
  const own = await ownAgreement(ctx.deps, ctx.actor, input.agreementId);
  if (!own.ok) return own;
  const moved = await moveAgreement(ctx, own.value.a, {
    event: 'complete',
    finals: input.finals,
    set: { finalComment: input.comment },
    matchReason: '协议期满，已完成结业评估',
  });
  if (!moved.ok) {
    const code = moved.error.code;
    if (code === 'MENTORING.INVALID_STATE' || code === 'MENTORING.NOT_PARTY' || code === 'INPUT.INVALID')
      return err({ ...moved.error, code });
    throw new Error(`unexpected ${code}`);
  }
  return ok(agreementView(moved.value, ctx.actor));
};
