import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import type { Handler } from '../../../_lib/router';
import { move } from '../moves';

/** A handler of the type where the request is held takes it on (the youth is told). */
export const accept: Handler<typeof servicesContract.actions.accept> = (input, ctx) =>
  move(ctx, input.requestId, 'accept');
