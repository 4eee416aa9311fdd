import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import { oneTimeCode } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { openPeriod } from '../../../_lib/rules';
import { verifyUpload } from '../../../_lib/uploads';
import { checkForm, listLocked, personKey, recordFields, refuseDuplicate, saveRecord } from '../record';
import { toView } from '../view';

/**
 * 组织推荐 (R4.1): the unit admin enters the youth's form. The record joins
 * the same review as self-nominations. A one-time claim code, shown once to
 * the admin and stored only as a keyed hash, lets the youth take the record
 * over in the app.
 */
export const nominateByUnit: Handler<typeof nominationContract.actions.nominateByUnit> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const unit = await getOrg(deps, input.unitId);
  if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (unit.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'only units nominate'));
  if (!covers(actor, unit, ['unitAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  const period = await openPeriod(deps, now);
  if (!period.ok) return period;
  const checked = checkForm(input.form, period.value, now);
  if (!checked.ok) return checked;
  if (input.form.photoFileId) {
    const photo = await verifyUpload(deps, actor.openid, input.form.photoFileId, ['jpg', 'png']);
    if (!photo.ok) return photo;
  }
  const claimCode = oneTimeCode();
  const fields = {
    ...recordFields(deps, {
      form: input.form,
      eligible: checked.value,
      unit,
      channel: 'unit',
      youthOpenid: null,
      createdBy: actor.openid,
      now,
      listLocked: await listLocked(deps, period.value._id, unit, now),
    }),
    claimCodeHash: deps.crypto.hash(`claim:${claimCode}`),
  };
  const key = personKey(deps, period.value._id, input.form.idNumber);
  const saved = await saveRecord(deps, {
    key,
    periodId: period.value._id,
    fields,
    entry: { at: now, action: 'submit', actor: actor.openid, actorName: actor.displayName ?? '', comment: null },
    resubmitter: null,
  });
  if (!saved.ok) return refuseDuplicate(ctx, saved, { unit, channel: 'unit' });
  // The unit attests that it obtained the youth's consent to process the ID number and phone.
  ctx.audit({
    target: `nominations/${saved.value._id}`,
    details: { channel: 'unit', unitId: unit._id, consentObtained: true },
  });
  return ok({ nomination: toView(saved.value, unit.name, now), claimCode });
};
