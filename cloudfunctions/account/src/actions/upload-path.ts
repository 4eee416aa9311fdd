import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { uploadPrefix } from '../../../_lib/uploads';

/** The caller's own upload prefix in cloud storage (`uploads/<tag>`): files elsewhere are refused by the functions. */
export const uploadPath: Handler<typeof accountContract.actions.uploadPath> = async (_input, ctx) =>
  ok({ prefix: uploadPrefix(ctx.deps, ctx.actor.openid) });
