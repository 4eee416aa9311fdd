import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import type { Handler } from '../../../_lib/router';
import { move } from '../moves';

/** The youth confirms the resolution with a rating (1–5) and an optional comment; the handler is told. */
export const confirm: Handler<typeof servicesContract.actions.confirm> = (input, ctx) =>
  move(ctx, input.requestId, 'confirm', { rating: input.rating, comment: input.comment || null });
