import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { decide, reviewable } from '../reviewing';
import { toView } from '../view';

/** R4.2 the unit reviews: approve, reject with a reason, or return for changes; every transition recorded. */
export const review: Handler<typeof nominationContract.actions.review> = async (input, ctx) => {
  const found = await reviewable(ctx.deps, ctx.actor, input.nominationId);
  if (!found.ok) return found;
  const moved = await decide(ctx, found.value, input.decision, input.comment || null, Boolean(input.confirm));
  if (!moved.ok) return moved;
  return ok({ nomination: toView(moved.value, found.value.unit.name, ctx.now) });
};
