import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { myData as collect } from '../my-data';

/** A youth's own data in one place (R9.2). */
export const myData: Handler<typeof registryContract.actions.myData> = async (_input, ctx) =>
  ok(await collect(ctx.deps, ctx.actor.openid, ctx.now));
