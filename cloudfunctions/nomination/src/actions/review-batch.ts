import type { NominationView, nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { decide, reviewable } from '../reviewing';
import { toView } from '../view';

/**
 * Issue 9: several approvals under one confirmation. They run one by one inside the call's transaction, so each
 * takes its place of the unit's quota atomically; the first refusal ends the call, which writes nothing, and names
 * the record it was about.
 */
export const reviewBatch: Handler<typeof nominationContract.actions.reviewBatch> = async (input, ctx) => {
  const approved: NominationView[] = [];
  for (const nominationId of input.nominationIds) {
    const found = await reviewable(ctx.deps, ctx.actor, nominationId);
    const moved = found.ok ? await decide(ctx, found.value, 'approve', null, true) : found;
    if (!moved.ok) {
      const name = found.ok ? found.value.doc.name : '';
      return err({ ...moved.error, details: { ...moved.error.details, nominationId, name } });
    }
    approved.push(toView(moved.value, found.ok ? found.value.unit.name : '', ctx.now));
  }
  return ok({ approved });
};
