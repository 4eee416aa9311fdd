import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { agreementText } from '../../../../miniprogram/core/mentoring-agreement';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { agreementView, moveAgreement, ownAgreement, sha256Hex, termsOf } from '../agreement-flow';

/**
 * Either party sets the term, the cycle and the youth's starting self-ratings before anyone signed; the text and
 * its hash are generated again. After the first signature the table refuses (the text is frozen).
 */
export const editAgreement: Handler<typeof mentoringContract.actions.editAgreement> = async (input, ctx) => {
  const own = await ownAgreement(ctx.deps, ctx.actor, input.agreementId);
  if (!own.ok) return own;
  const { a } = own.value;
  const goals = a.goals.map((g, i) => ({ ...g, start: input.ratings[i] ?? g.start }));
  const terms = { ...termsOf(a), goals, months: input.months, cycleDays: input.cycleDays };
  const text = agreementText(terms);
  const moved = await moveAgreement(ctx, a, {
    event: 'edit',
    set: { goals, months: input.months, cycleDays: input.cycleDays, text, textHash: sha256Hex(text) },
  });
  if (!moved.ok) {
    const code = moved.error.code;
    if (code === 'MENTORING.INVALID_STATE' || code === 'MENTORING.NOT_PARTY') return err({ ...moved.error, code });
    throw new Error(`unexpected ${code}`);
  }
  return ok(agreementView(moved.value, ctx.actor));
};
