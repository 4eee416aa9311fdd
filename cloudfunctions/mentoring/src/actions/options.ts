import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { optionsView } from '../area';

/** The sectors, the city's expertise list and the districts, for the profile and goals forms. */
export const options: Handler<typeof mentoringContract.actions.options> = async (_input, ctx) =>
  ok(await optionsView(ctx.deps));
