import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { coversRecord, districtNames, matchView } from '../area';
import { moveMatch } from '../match-flow';
import { tellEnded } from '../notices';

/** An admin ends an active pair early with a reason: the mentor's place is freed and the youth returns to the pool. */
export const endMatch: Handler<typeof mentoringContract.actions.endMatch> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const match = await deps.store.collection<MatchDoc>(C.matches).get(input.matchId);
  if (!match || !coversRecord(deps, actor, match)) return err(appError('MENTORING.NOT_FOUND', 'no such match'));
  const moved = await moveMatch(ctx, match, 'end', input.reason);
  if (!moved.ok) return err(appError('MENTORING.INVALID_STATE', moved.error.message));
  tellEnded(ctx, moved.value);
  return ok(matchView(moved.value, await districtNames(deps), null));
};
