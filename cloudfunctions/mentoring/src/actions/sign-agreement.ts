import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { agreementView, moveAgreement, ownAgreement, partyOf } from '../agreement-flow';
import { openCycle } from '../cycle-flow';

/**
 * A party signs as themselves, once: the hash of the text they read must be the agreement's, and the hand
 * signature their own PNG upload, never used before. The second signature makes the agreement active and opens the
 * first cycle; the other party is told.
 */
export const signAgreement: Handler<typeof mentoringContract.actions.signAgreement> = async (input, ctx) => {
  const own = await ownAgreement(ctx.deps, ctx.actor, input.agreementId);
  if (!own.ok) return own;
  const { a, party } = own.value;
  const moved = await moveAgreement(ctx, a, {
    event: 'sign',
    sign: { textHash: input.textHash, fileId: input.fileId },
  });
  if (!moved.ok) {
    const code = moved.error.code;
    if (code === 'INPUT.INVALID') throw new Error('unexpected INPUT.INVALID');
    return err({ ...moved.error, code });
  }
  const signed = moved.value;
  const active = signed.status === 'active';
  if (active) await openCycle(ctx.deps, signed, 1, ctx.now);
  const other = party === 'mentor' ? signed.youthOpenid : signed.mentorId;
  const name = party === 'mentor' ? `导师${signed.mentorName}` : `青年${signed.youthName}`;
  if (other && partyOf(signed, other)) ctx.notify({ kind: 'agreement.signed', params: { name, active }, to: other });
  if (!signed.signatures[party]) throw new Error(appError('SYS.INTERNAL', 'signature not recorded').message);
  return ok(agreementView(signed, ctx.actor));
};
