import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { describeActor } from '../actor-view';

/** Who the caller is: roles with their organisations, binding, display name (never personal data). */
export const me: Handler<typeof accountContract.actions.me> = async (_input, ctx) =>
  ok(await describeActor(ctx.deps, ctx.actor));
