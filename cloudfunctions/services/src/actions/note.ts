import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import type { Handler } from '../../../_lib/router';
import { move } from '../moves';

/** A status note the youth reads (the request is in progress). */
export const note: Handler<typeof servicesContract.actions.note> = (input, ctx) =>
  move(ctx, input.requestId, 'note', { comment: input.text });
