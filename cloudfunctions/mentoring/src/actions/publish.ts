import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { coversRecord } from '../area';
import { moveMatch } from '../match-flow';
import { tellPublished } from '../notices';

/**
 * Publishes up to 50 drafts together: each takes a place of its mentor and the youth; both sides are told. One
 * refusal refuses the call (nothing is published), naming the youth, so the admin can edit that draft.
 */
export const publish: Handler<typeof mentoringContract.actions.publish> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const matches = deps.store.collection<MatchDoc>(C.matches);
  let published = 0;
  for (const id of new Set(input.matchIds)) {
    const match = await matches.get(id);
    if (!match || !coversRecord(deps, actor, match)) return err(appError('MENTORING.NOT_FOUND', 'no such draft'));
    const moved = await moveMatch(ctx, match, 'publish');
    if (!moved.ok) {
      const code = moved.error.code;
      // Publishing names neither a party nor a reason.
      if (code === 'MENTORING.NOT_PARTY' || code === 'INPUT.INVALID') throw new Error(`unexpected ${code}`);
      return err({
        ...moved.error,
        code,
        details: { ...moved.error.details, matchId: id, youthName: match.youthName },
      });
    }
    tellPublished(ctx, moved.value);
    published += 1;
  }
  return ok({ published });
};
