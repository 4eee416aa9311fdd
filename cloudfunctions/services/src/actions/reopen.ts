import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import type { Handler } from '../../../_lib/router';
import { move } from '../moves';

/** Within 7 days of the resolution the youth reopens the request with a reason: in progress again, a new limit. */
export const reopen: Handler<typeof servicesContract.actions.reopen> = (input, ctx) =>
  move(ctx, input.requestId, 'reopen', { comment: input.reason });
