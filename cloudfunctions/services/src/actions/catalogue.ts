import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { typeViews } from '../area';

/** The types a youth may request, each with its fields, time limit and (sensitive ones) the caller's consent. */
export const catalogue: Handler<typeof servicesContract.actions.catalogue> = async (_input, ctx) =>
  ok(await typeViews(ctx.deps, ctx.actor.openid));
