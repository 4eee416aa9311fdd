import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { drainOutbox as run } from '../../../_lib/sender';

/** The sender by a city admin's hand (and the preview's): the same run as the timer's. */
export const drain: Handler<typeof messageContract.actions.drain> = async (_input, ctx) => {
  const { run: _run, ...report } = await run(ctx.deps, ctx.now);
  return ok(report);
};
