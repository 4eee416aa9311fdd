import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { addDays, EARLY_STAGES, WARN_DAYS } from '../../../../miniprogram/core/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import { C, type PartyRecordDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { PublicHandler } from '../../../_lib/router';
import { today } from '../area';

/**
 * The daily timer (R6.1): applicants not yet recommended whose 28th birthday falls within the coming
 * `WARN_DAYS` days — after it the League route closes — are named to their unit's admins, once per
 * youth (`warnedFor`, set conditionally in the same transaction, so a second run warns nobody twice).
 */
export const warnBirthdays: PublicHandler<typeof cultivationContract.actions.warnBirthdays> = async (_input, ctx) => {
  const { deps, now } = ctx;
  const t = today(now);
  const records = deps.store.collection<PartyRecordDoc>(C.partyRecords);
  const due = await records.find(
    { leagueBirthday: { $gt: t, $lte: addDays(t, WARN_DAYS) }, status: { $in: [...EARLY_STAGES] } },
    { sort: { leagueBirthday: 1, _id: 1 }, limit: 500 },
  );
  let warned = 0;
  for (const r of due) {
    if (r.warnedFor === r.leagueBirthday) continue;
    const taken = await records.updateOne(
      { _id: r._id, warnedFor: r.warnedFor },
      { $set: { warnedFor: r.leagueBirthday, updatedAt: now } },
    );
    if (taken !== 1) continue;
    const params = { name: r.name, date: r.leagueBirthday };
    await notifyRole(ctx, { role: 'unitAdmin', orgId: r.unitId }, 'party.birthdayAhead', params);
    ctx.audit({ target: `partyRecords/${r._id}`, details: { warnedFor: r.leagueBirthday } });
    warned += 1;
  }
  return ok({ warned });
};
