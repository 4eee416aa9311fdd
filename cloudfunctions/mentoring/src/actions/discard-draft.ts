import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { coversRecord, districtNames, matchView } from '../area';
import { moveMatch } from '../match-flow';

/** The admin drops a draft; the youth stays in the pool. */
export const discardDraft: Handler<typeof mentoringContract.actions.discardDraft> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const match = await deps.store.collection<MatchDoc>(C.matches).get(input.matchId);
  if (!match || !coversRecord(deps, actor, match)) return err(appError('MENTORING.NOT_FOUND', 'no such draft'));
  const moved = await moveMatch(ctx, match, 'discard');
  if (!moved.ok) return err(appError('MENTORING.INVALID_STATE', moved.error.message));
  return ok(matchView(moved.value, await districtNames(deps), null));
};
