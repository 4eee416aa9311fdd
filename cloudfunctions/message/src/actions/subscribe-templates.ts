import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { SUBSCRIBE_MOMENTS, type SubscribeMoment } from '../../../../miniprogram/core/notifications';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';

/** The configured template ids a moment asks for; none configured → nothing to ask (the app works on). */
export const subscribeTemplates: Handler<typeof messageContract.actions.subscribeTemplates> = async (input, ctx) => {
  const keys = SUBSCRIBE_MOMENTS[input.moment as SubscribeMoment];
  const templateIds = keys.map((k) => ctx.deps.templates[k]).filter((x): x is string => Boolean(x));
  return ok({ templateIds });
};
