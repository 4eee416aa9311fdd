import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import type { NominationForm } from '../../../../miniprogram/core/contracts/nomination-form';
import { appError } from '../../../../miniprogram/core/errors';
import { ACTIVE_STATUSES } from '../../../../miniprogram/core/nomination';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type DraftDoc, type NominationDoc } from '../../../_lib/collections';
import { hasCurrentConsent } from '../../../_lib/consent';
import type { Actor } from '../../../_lib/identity';
import type { ActionContext, Handler } from '../../../_lib/router';
import { openPeriod } from '../../../_lib/rules';
import { checkForm, keyOf, recordFields, saveRecord } from '../record';
import { boundUnit, notifyUnitAdmins } from '../unit';
import { toView } from '../view';

/**
 * Self-nomination (个人自荐, R4.1). The server re-checks eligibility on every
 * submit (R2.5) in China time, requires the separate consent (PIPL art. 29),
 * and the `periodId:idHash` key allows one active nomination per person per
 * period whatever the channel (R4.6).
 */
/** Everything that must hold before a self-nomination is written: unit, open period, consent, the form's rules. */
async function admissible(ctx: ActionContext & { actor: Actor }, input: NominationForm) {
  const { deps, actor, now } = ctx;
  const unit = await boundUnit(ctx);
  if (!unit) return err(appError('ACCOUNT.NOT_BOUND', 'bind to a unit first'));
  const period = await openPeriod(deps, now);
  if (!period.ok) return period;
  if (!(await hasCurrentConsent(deps, actor.openid))) {
    return err(appError('CONSENT.REQUIRED', 'personal-information consent required'));
  }
  const checked = checkForm(input, period.value, now);
  if (!checked.ok) return checked;
  return ok({ unit, period: period.value, eligible: checked.value });
}

export const submitSelf: Handler<typeof nominationContract.actions.submitSelf> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const admitted = await admissible(ctx, input);
  if (!admitted.ok) return admitted;
  const { unit, eligible } = admitted.value;
  const period = { value: admitted.value.period };
  const key = keyOf(deps, period.value._id, input.idNumber);
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  // The youth already holds a place in this period under another ID number.
  const other = await nominations.findOne({
    periodId: period.value._id,
    youthOpenid: actor.openid,
    status: { $in: [...ACTIVE_STATUSES] },
    _id: { $ne: key },
  });
  if (other) return err(appError('NOMINATION.DUPLICATE', 'a nomination already exists this period'));

  const actorName = actor.displayName ?? input.name;
  const fields = recordFields(deps, {
    form: input,
    eligible,
    unit,
    channel: 'self',
    youthOpenid: actor.openid,
    createdBy: actor.openid,
    now,
  });
  const saved = await saveRecord(deps, {
    key,
    periodId: period.value._id,
    fields,
    entry: { at: now, action: 'submit', actor: actor.openid, actorName, comment: null },
    resubmitter: actor.openid,
  });
  if (!saved.ok) return saved;
  await deps.store.collection<DraftDoc>(C.drafts).deleteOne({ _id: `${period.value._id}:${actor.openid}` });
  ctx.audit({ target: `nominations/${key}`, details: { channel: 'self', unitId: unit._id } });
  await notifyUnitAdmins(ctx, unit, 'nomination.submitted', input.name);
  return ok({ nomination: toView(saved.value, unit.name, now) });
};
