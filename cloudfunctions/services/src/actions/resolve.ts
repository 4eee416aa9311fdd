import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import type { Handler } from '../../../_lib/router';
import { move } from '../moves';

/** A handler resolves the request with what was done; the youth confirms and rates it, or reopens it. */
export const resolve: Handler<typeof servicesContract.actions.resolve> = (input, ctx) =>
  move(ctx, input.requestId, 'resolve', { comment: input.text });
