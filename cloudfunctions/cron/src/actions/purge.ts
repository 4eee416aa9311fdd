import type { cronContract } from '../../../../miniprogram/core/contracts/cron';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc } from '../../../_lib/collections';
import type { PublicHandler } from '../../../_lib/router';

const BATCH = 100;

/**
 * R9.2: a withdrawn nomination's record is deleted once its retention has
 * passed. The audit trail keeps what the law asks of a processing record —
 * who did what and when, with the record's id — and no personal data.
 */
export const purgeWithdrawn: PublicHandler<typeof cronContract.actions.purgeWithdrawn> = async (_input, ctx) => {
  const nominations = ctx.deps.store.collection<NominationDoc>(C.nominations);
  const due = await nominations.find(
    { status: 'withdrawn', eraseAfter: { $lte: ctx.now } },
    { projection: { _id: 1, unitId: 1 }, limit: BATCH, sort: { eraseAfter: 1 } },
  );
  let erased = 0;
  for (const doc of due) {
    // Conditional on still being withdrawn: a concurrent re-nomination reusing the key is kept.
    erased += await nominations.deleteOne({ _id: doc._id, status: 'withdrawn' });
    ctx.audit({ target: `nominations/${doc._id}`, details: { erased: true, unitId: doc.unitId } });
  }
  return ok({ erased });
};
