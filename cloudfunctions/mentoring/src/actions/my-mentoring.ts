import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { selectedRecord, youthView } from '../area';

/** A youth's mentoring: whether they were selected, their stated goals, and their mentor once published. */
export const myMentoring: Handler<typeof mentoringContract.actions.myMentoring> = async (_input, ctx) =>
  ok(await youthView(ctx.deps, await selectedRecord(ctx.deps, ctx.actor.openid, ctx.now)));
