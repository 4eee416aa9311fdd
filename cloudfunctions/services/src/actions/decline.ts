import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import type { Handler } from '../../../_lib/router';
import { move } from '../moves';

/** A handler declines a request with the reason the youth reads. */
export const decline: Handler<typeof servicesContract.actions.decline> = (input, ctx) =>
  move(ctx, input.requestId, 'decline', { comment: input.reason });
