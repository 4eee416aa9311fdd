import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { detailView, districtNames } from '../area';
import { findReadable } from '../moves';

/** One request with its timeline, for its youth, its handlers, or (not sensitive) an admin over its owner. */
export const get: Handler<typeof servicesContract.actions.get> = async (input, ctx) => {
  const found = await findReadable(ctx, input.requestId);
  if (!found.ok) return found;
  const { req, type, reader } = found.value;
  return ok(detailView(ctx.deps, req, type, await districtNames(ctx.deps), ctx.now, reader));
};
