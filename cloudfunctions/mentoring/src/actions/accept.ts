import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc, type MenteeDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { createAgreement } from '../agreement-flow';
import { districtNames, matchView } from '../area';
import { moveMatch } from '../match-flow';
import { tellAccepted } from '../notices';

/** The mentor confirms a published match: the pair is active and its agreement (师徒协议) is drawn up to sign. */
export const accept: Handler<typeof mentoringContract.actions.accept> = async (input, ctx) => {
  const { deps } = ctx;
  const match = await deps.store.collection<MatchDoc>(C.matches).get(input.matchId);
  if (!match || match.status === 'draft' || match.status === 'discarded')
    return err(appError('MENTORING.NOT_FOUND', 'no such match'));
  const moved = await moveMatch(ctx, match, 'accept');
  if (!moved.ok) {
    const code = moved.error.code;
    if (code === 'MENTORING.NOT_PARTY' || code === 'MENTORING.INVALID_STATE') return err({ ...moved.error, code });
    throw new Error(`unexpected ${code}`);
  }
  tellAccepted(ctx, moved.value);
  await createAgreement(ctx, moved.value);
  const mentee = await deps.store.collection<MenteeDoc>(C.mentees).get(match.nominationId);
  return ok(matchView(moved.value, await districtNames(deps), mentee));
};
