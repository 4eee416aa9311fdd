import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type LimitDoc, type NominationDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { oneTimeCode } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { claimRecordKey } from '../../../_lib/claim-keys';
import { visible } from '../visibility';

/**
 * A new one-time claim code for an unclaimed unit-entered record: the old one
 * was lost, or wrong attempts voided it (issue 8 §11). The old code stops
 * working and the record's wrong-attempt count starts again.
 */
export const reissueClaimCode: Handler<typeof nominationContract.actions.reissueClaimCode> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await visible(deps, actor, input.nominationId, true);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  if (!covers(actor, unit, ['unitAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  if (doc.youthOpenid === actor.openid) return err(appError('NOMINATION.OWN_RECORD', 'own record'));
  if (doc.channel !== 'unit' || doc.youthOpenid !== null)
    return err(appError('NOMINATION.INVALID_STATE', 'only an unclaimed unit-entered record has a claim code'));
  const claimCode = oneTimeCode();
  const changed = await deps.store
    .collection<NominationDoc>(C.nominations)
    .updateOne(
      { _id: doc._id, youthOpenid: null },
      { $set: { claimCodeHash: deps.crypto.hash(`claim:${claimCode}`), updatedAt: now } },
    );
  if (changed === 0) return err(appError('NOMINATION.INVALID_STATE', 'claimed meanwhile'));
  await deps.store.collection<LimitDoc>(C.limits).deleteOne({ _id: claimRecordKey(doc._id) });
  ctx.audit({ target: `nominations/${doc._id}`, details: { claimCode: 'reissued' } });
  return ok({ claimCode });
};
