import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MentorDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { blankMentor, districtNames, mentorView } from '../area';

/** The mentor's own profile, blank until first saved. */
export const myProfile: Handler<typeof mentoringContract.actions.myProfile> = async (_input, ctx) => {
  const doc = await ctx.deps.store.collection<MentorDoc>(C.mentors).get(ctx.actor.openid);
  return ok(mentorView(doc ?? blankMentor(ctx.actor, ctx.now, ctx.deps.cityOrgId), await districtNames(ctx.deps)));
};
