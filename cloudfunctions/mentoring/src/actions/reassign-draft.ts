import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc, type MenteeDoc, type NominationDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { coversRecord, districtNames, draftPair, matchView } from '../area';

/** The admin edits a draft: another mentor for the youth, under the same hard rules and places. */
export const reassignDraft: Handler<typeof mentoringContract.actions.reassignDraft> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const matches = deps.store.collection<MatchDoc>(C.matches);
  const match = await matches.get(input.matchId);
  if (!match || !coversRecord(deps, actor, match)) return err(appError('MENTORING.NOT_FOUND', 'no such draft'));
  if (match.status !== 'draft') return err(appError('MENTORING.INVALID_STATE', 'only a draft can be edited'));
  const n = await deps.store.collection<NominationDoc>(C.nominations).get(match.nominationId);
  if (!n || n.status !== 'approved') return err(appError('MENTORING.INVALID_STATE', 'the youth is no longer selected'));
  const pair = await draftPair(deps, n, input.mentorId, match._id);
  if (!pair.ok) return pair;
  const changed = await matches.updateOne(
    { _id: match._id, status: 'draft' },
    { $set: { ...pair.value, updatedAt: now } },
  );
  // CloudBase counts modified documents: a reassignment to the same mentor at the same instant modifies nothing,
  // so only a draft that is no longer a draft is a conflict.
  if (changed === 0 && (await matches.get(match._id))?.status !== 'draft')
    return err(appError('MENTORING.INVALID_STATE', 'changed meanwhile'));
  ctx.audit({
    target: `matches/${match._id}`,
    details: { event: 'reassign', from: match.mentorId, to: input.mentorId },
  });
  const saved = (await matches.get(match._id)) as MatchDoc;
  const mentee = await deps.store.collection<MenteeDoc>(C.mentees).get(match.nominationId);
  return ok(matchView(saved, await districtNames(deps), mentee));
};
