import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { readable } from '../agreement-flow';
import { timelineOf } from '../cycle-flow';

/** A pair's cycles and meetings, for its parties and the admins who cover it. */
export const timeline: Handler<typeof mentoringContract.actions.timeline> = async (input, ctx) => {
  const a = await readable(ctx.deps, ctx.actor, input.agreementId);
  return a
    ? ok(await timelineOf(ctx.deps, a, ctx.actor, ctx.now))
    : err(appError('MENTORING.NOT_FOUND', 'no such agreement'));
};
