import { isOwnUpload } from '../../../_lib/uploads';
import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { ACTIVE_STATUSES } from '../../../../miniprogram/core/nomination';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type DraftDoc, type NominationDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { openPeriod } from '../../../_lib/rules';
import { boundUnit } from '../unit';

/**
 * Drafts survive leaving the page. The ID number and phone are never part of
 * a server draft: sensitive data is collected only when the youth submits.
 */
export const saveDraft: Handler<typeof nominationContract.actions.saveDraft> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  if (!(await boundUnit(ctx))) return err(appError('ACCOUNT.NOT_BOUND', 'bind to a unit first'));
  const period = await openPeriod(deps, now);
  if (!period.ok) return period;
  const active = await deps.store.collection<NominationDoc>(C.nominations).findOne({
    periodId: period.value._id,
    youthOpenid: actor.openid,
    status: { $in: ACTIVE_STATUSES.filter((s) => s !== 'returned') },
  });
  if (active) return err(appError('NOMINATION.DUPLICATE', 'already nominated this period'));
  const { idNumber: _id, phone: _phone, ...fields } = input.fields;
  // Only the youth's own upload; its bytes are checked when the nomination is submitted.
  if (fields.photoFileId && !isOwnUpload(deps, actor.openid, fields.photoFileId))
    return err(appError('FILE.INVALID', 'not your upload', { problem: 'not_own' }));
  const drafts = deps.store.collection<DraftDoc>(C.drafts);
  const key = `${period.value._id}:${actor.openid}`;
  // Read, then write by id: "0 modified" cannot tell a missing draft from an unchanged one (CloudBase counts
  // modified documents). Two first saves racing both insert; the loser's transaction runs again and updates.
  if (await drafts.get(key)) await drafts.updateOne({ _id: key }, { $set: { fields, updatedAt: now } });
  else await drafts.insert({ _id: key, periodId: period.value._id, openid: actor.openid, fields, updatedAt: now });
  ctx.audit({ target: `drafts/${key}` });
  return ok({ draft: { fields, updatedAt: now.toISOString() } });
};
