import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { allTypes, catalogueEntry } from '../area';

/** The whole catalogue with each type's handlers, for the city (and districts) to maintain. */
export const types: Handler<typeof servicesContract.actions.types> = async (_input, ctx) => {
  const all = await allTypes(ctx.deps);
  return ok(await Promise.all(all.map((t) => catalogueEntry(ctx.deps, t))));
};
