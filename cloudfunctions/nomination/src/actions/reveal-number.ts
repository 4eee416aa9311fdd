import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { visible } from '../visibility';

/** R9.1 the audited view: one full value, to a reviewer in scope, with the reason recorded. */
export const reveal: Handler<typeof nominationContract.actions.reveal> = async (input, ctx) => {
  const found = await visible(ctx.deps, ctx.actor, input.nominationId, true);
  if (!found.ok) return found;
  const { doc } = found.value;
  // A nominee sees their own record masked, never through the reviewers' audited view (issue 8 §5).
  if (doc.youthOpenid === ctx.actor.openid)
    return err(appError('NOMINATION.OWN_RECORD', 'the nominee cannot reveal their own record'));
  // PIPL art. 47: after the consent is withdrawn, no full number is shown any more.
  if (doc.consentWithdrawnAt) return err(appError('CONSENT.WITHDRAWN', 'the nominee withdrew the consent'));
  const value = ctx.deps.crypto.decrypt(input.field === 'idNumber' ? doc.idNumberEnc : doc.phoneEnc);
  ctx.audit({ target: `nominations/${doc._id}`, details: { revealed: input.field, reason: input.reason } });
  return ok({ value });
};
