import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../../../miniprogram/core/profile';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type ConsentDoc } from '../../../_lib/collections';
import { consentOf } from '../../../_lib/consent';
import { loadActor } from '../../../_lib/identity';
import type { Handler } from '../../../_lib/router';
import { describeActor } from '../actor-view';
import { stopPersonalProcessing } from '../consent-withdrawal';

/**
 * PIPL art. 29: a separate consent, recorded with its text version and time,
 * asked when the youth starts the form (never at launch). Refusing it is
 * recorded too and leaves the rest of the app usable; refusing after having
 * granted it withdraws it, as `withdrawConsent` does.
 */
export const recordConsent: Handler<typeof accountContract.actions.recordConsent> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  // Consent is given to the text the app shows now; an outdated screen must reload it.
  if (input.version !== PERSONAL_INFO_CONSENT_VERSION) {
    return err(
      appError('CONSENT.REQUIRED', 'consent text version is outdated', { version: PERSONAL_INFO_CONSENT_VERSION }),
    );
  }
  const consents = deps.store.collection<ConsentDoc>(C.consents);
  const existing = await consentOf(deps, actor.openid);
  const record = { version: input.version, granted: input.granted, at: now };
  if (existing) {
    await consents.updateOne({ _id: existing._id }, { $set: record, $push: { history: record } });
  } else {
    await consents.insert({
      _id: `${actor.openid}:personal_info`,
      openid: actor.openid,
      purpose: 'personal_info',
      ...record,
      history: [record],
    });
  }
  ctx.audit({
    target: `consents/${actor.openid}:personal_info`,
    details: { version: input.version, granted: input.granted },
  });
  // A "no" after a "yes" is a withdrawal (PIPL art. 47): processing stops as with `withdrawConsent`.
  if (existing?.granted && !input.granted) await stopPersonalProcessing(ctx, actor.openid, actor.displayName ?? '');
  return ok(await describeActor(deps, await loadActor(deps, actor.openid)));
};
