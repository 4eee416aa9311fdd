import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { canEnd } from '../../../../miniprogram/core/mentoring-agreement';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AgreementDoc, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { moveAgreement } from '../agreement-flow';
import { coversRecord, districtNames, matchView } from '../area';
import { moveMatch } from '../match-flow';
import { tellEnded } from '../notices';

/**
 * An admin ends an active pair early with a reason: the mentor's place is freed and the youth returns to the pool;
 * the pair's agreement, if still open, ends with it for the same reason.
 */
export const endMatch: Handler<typeof mentoringContract.actions.endMatch> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const match = await deps.store.collection<MatchDoc>(C.matches).get(input.matchId);
  if (!match || !coversRecord(deps, actor, match)) return err(appError('MENTORING.NOT_FOUND', 'no such match'));
  const moved = await moveMatch(ctx, match, 'end', input.reason);
  if (!moved.ok) return err(appError('MENTORING.INVALID_STATE', moved.error.message));
  const agreement = await deps.store.collection<AgreementDoc>(C.agreements).get(match._id);
  if (agreement && canEnd(agreement.status)) {
    const ended = await moveAgreement(ctx, agreement, { event: 'end', comment: input.reason });
    if (!ended.ok) return err(appError('MENTORING.INVALID_STATE', ended.error.message));
  }
  tellEnded(ctx, moved.value);
  return ok(matchView(moved.value, await districtNames(deps), null));
};
