import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { ok } from '../../../../miniprogram/core/result';
import type { PublicHandler } from '../../../_lib/router';
import { drainOutbox as run } from '../../../_lib/sender';

/** The platform's timer (every minute): timers may overlap or repeat; the sender's claims make that harmless. */
export const drainOutbox: PublicHandler<typeof messageContract.actions.drainOutbox> = async (_input, ctx) => {
  const { run: _run, ...report } = await run(ctx.deps, ctx.now);
  return ok(report);
};
