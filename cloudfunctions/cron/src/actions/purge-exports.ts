import type { cronContract } from '../../../../miniprogram/core/contracts/cron';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ExportDoc } from '../../../_lib/collections';
import type { PublicHandler } from '../../../_lib/router';

const BATCH = 100;

/**
 * Exports expire (issue 8 §10): a summary table holds full ID numbers and
 * phones, so the file is deleted a day after it was made, and its record
 * with it. The file goes first: should the transaction then fail, the next
 * run deletes the (already missing) file again, which is harmless.
 */
export const purgeExports: PublicHandler<typeof cronContract.actions.purgeExports> = async (_input, ctx) => {
  const exports = ctx.deps.store.collection<ExportDoc>(C.exports);
  const due = await exports.find({ expiresAt: { $lt: ctx.now } }, { limit: BATCH, sort: { expiresAt: 1 } });
  let removed = 0;
  for (const e of due) {
    await ctx.deps.files.remove(e.fileId);
    removed += await exports.deleteOne({ _id: e._id });
  }
  ctx.audit({ target: null, details: { removed } });
  return ok({ removed });
};
