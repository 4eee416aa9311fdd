import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AgreementDoc, type CycleDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { ownAgreement } from '../agreement-flow';
import { moveCycle, timelineOf } from '../cycle-flow';

/**
 * One step of the loop by its owner: the mentor sets tasks, the youth reports, the mentor evaluates (rating and
 * comment), the youth acknowledges, the youth plans (which opens the next cycle).
 */
export const cycleStep: Handler<typeof mentoringContract.actions.cycleStep> = async (input, ctx) => {
  const { deps } = ctx;
  const cycle = await deps.store.collection<CycleDoc>(C.cycles).get(input.cycleId);
  if (!cycle) return err(appError('MENTORING.NOT_FOUND', 'no such cycle'));
  const own = await ownAgreement(deps, ctx.actor, cycle.agreementId);
  if (!own.ok) return own;
  const moved = await moveCycle(ctx, cycle, own.value.a, input);
  if (!moved.ok) return moved;
  const a = (await deps.store.collection<AgreementDoc>(C.agreements).get(cycle.agreementId)) as AgreementDoc;
  return ok(await timelineOf(deps, a, ctx.actor, ctx.now));
};
