import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MenteeDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { checkExpertise, selectedRecord, youthView } from '../area';

/** A selected youth states their sector and what they want to grow in (at most three goals); matching reads them. */
export const saveGoals: Handler<typeof mentoringContract.actions.saveGoals> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const n = await selectedRecord(deps, actor.openid, now);
  if (!n) return err(appError('MENTORING.NOT_SELECTED', 'no approved nomination this period'));
  const known = await checkExpertise(deps, input.goals);
  if (!known.ok) return known;
  const mentees = deps.store.collection<MenteeDoc>(C.mentees);
  const fields = {
    sector: input.sector,
    goals: [...new Set(input.goals)],
    note: input.note ?? '',
    openid: actor.openid,
    updatedAt: now,
  };
  if (await mentees.get(n._id)) await mentees.updateOne({ _id: n._id }, { $set: fields });
  else await mentees.insert({ _id: n._id, periodId: n.periodId, openMatchId: null, ...fields });
  ctx.audit({ target: `mentees/${n._id}`, details: { goals: fields.goals.length } });
  return ok(await youthView(deps, n));
};
