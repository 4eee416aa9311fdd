import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type ConsentDoc } from '../../../_lib/collections';
import { consentOf } from '../../../_lib/consent';
import { loadActor } from '../../../_lib/identity';
import type { Handler } from '../../../_lib/router';
import { describeActor } from '../actor-view';
import { stopPersonalProcessing } from '../consent-withdrawal';

/**
 * PIPL art. 47: the youth withdraws the consent to processing the ID number and phone. Recorded with its
 * time (the consent's history keeps both answers), and processing stops: see `consent-withdrawal.ts`.
 */
export const withdrawConsent: Handler<typeof accountContract.actions.withdrawConsent> = async (_input, ctx) => {
  const { deps, actor, now } = ctx;
  const existing = await consentOf(deps, actor.openid);
  if (!existing || !existing.granted) return err(appError('CONSENT.NOT_GIVEN', 'no consent to withdraw'));
  const record = { version: existing.version, granted: false, at: now };
  await deps.store
    .collection<ConsentDoc>(C.consents)
    .updateOne({ _id: existing._id }, { $set: record, $push: { history: record } });
  ctx.audit({
    target: `consents/${existing._id}`,
    details: { version: existing.version, granted: false, withdrawn: true },
  });
  const stopped = await stopPersonalProcessing(ctx, actor.openid, actor.displayName ?? '');
  return ok({ account: await describeActor(deps, await loadActor(deps, actor.openid)), ...stopped });
};
