import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { agreementView, readable } from '../agreement-flow';

/** The agreement's text and signatures, for its parties and the admins who cover the pair. */
export const agreement: Handler<typeof mentoringContract.actions.agreement> = async (input, ctx) => {
  const a = await readable(ctx.deps, ctx.actor, input.agreementId);
  return a ? ok(agreementView(a, ctx.actor)) : err(appError('MENTORING.NOT_FOUND', 'no such agreement'));
};
