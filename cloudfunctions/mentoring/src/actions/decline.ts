import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { districtNames, matchView } from '../area';
import { moveMatch } from '../match-flow';
import { tellDeclined } from '../notices';

/** The youth or the mentor declines a published match with a reason: the place is freed, the youth back in the pool. */
export const decline: Handler<typeof mentoringContract.actions.decline> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const match = await deps.store.collection<MatchDoc>(C.matches).get(input.matchId);
  if (!match || match.status === 'draft' || match.status === 'discarded')
    return err(appError('MENTORING.NOT_FOUND', 'no such match'));
  const moved = await moveMatch(ctx, match, 'decline', input.reason);
  if (!moved.ok) {
    const code = moved.error.code;
    if (code === 'MENTORING.NOT_PARTY' || code === 'MENTORING.INVALID_STATE') return err({ ...moved.error, code });
    throw new Error(`unexpected ${code}`);
  }
  tellDeclined(ctx, moved.value, actor.openid === match.mentorId);
  return ok(matchView(moved.value, await districtNames(deps), null));
};
