import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { districtNames, matchView, menteesOf } from '../area';

/** The mentor's mentees: published (to confirm or decline) and active, newest first. */
export const myMatches: Handler<typeof mentoringContract.actions.myMatches> = async (_input, ctx) => {
  const docs = await ctx.deps.store
    .collection<MatchDoc>(C.matches)
    .find(
      { mentorId: ctx.actor.openid, status: { $in: ['published', 'active'] } },
      { sort: { updatedAt: -1 }, limit: 50 },
    );
  const [names, mentees] = await Promise.all([
    districtNames(ctx.deps),
    menteesOf(
      ctx.deps,
      docs.map((d) => d.nominationId),
    ),
  ]);
  return ok(docs.map((d) => matchView(d, names, mentees.get(d.nominationId) ?? null)));
};
