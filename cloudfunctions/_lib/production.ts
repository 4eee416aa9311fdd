/**
 * The production entry: builds the dependencies once per warm container and
 * takes the caller's OPENID from the platform context. It never reads the dev
 * server's header.
 */
import * as tcb from '@cloudbase/node-sdk';
import type { CallEvent, Envelope } from '../../miniprogram/core/contracts/define';
import { createPersonalDataCrypto, keysFromEnv } from './crypto';
import type { ServerDeps } from './deps';
import { createCloudbaseFileStore } from './files';
import { randomId } from './ids';
import { createConsoleLogger } from './logger';
import type { Router } from './router';
import { createCloudbaseStore } from './store/cloudbase';
import { noSender, templateIdsFrom, type SubscribeSender } from './wechat';

let cached: ServerDeps | null = null;

function productionDeps(wechat: SubscribeSender): ServerDeps {
  if (cached) return cached;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  cached = {
    store: createCloudbaseStore(app),
    crypto: createPersonalDataCrypto(keysFromEnv(process.env)),
    files: createCloudbaseFileStore(app),
    log: createConsoleLogger(),
    clock: () => new Date(),
    randomId,
    bootstrapCityAdmins: (process.env.HQN_BOOTSTRAP_CITY_ADMINS ?? '').split(',').filter(Boolean),
    cityOrgId: process.env.HQN_CITY_ORG_ID ?? 'city',
    templates: templateIdsFrom(process.env.HQN_TEMPLATE_IDS),
    wechat,
  };
  return cached;
}

/** What CloudBase passes to a function on a timer trigger. */
interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

function isTimer(event: unknown): event is TimerEvent {
  const e = event as Partial<TimerEvent> | null;
  return typeof e === 'object' && e !== null && e.Type === 'Timer' && typeof e.TriggerName === 'string';
}

/** `wechat`: the function's subscribe-message sender (only `message` passes one; see `_lib/wechat-sdk.ts`). */
export function createProductionMain(router: Router, wechat: SubscribeSender = noSender) {
  return async function main(event: CallEvent | TimerEvent, context: unknown): Promise<Envelope<unknown>> {
    const platform = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
    const openid = platform.WX_OPENID || null;
    // A timer is known by the platform's context (TRIGGER_SRC), never by the payload, which any caller of
    // callFunction controls; it carries no user and is the only "system" caller. It names the action to run.
    if (platform.TRIGGER_SRC === 'timer' && !openid && isTimer(event))
      return router.handle({ action: event.TriggerName }, { openid: null, system: true }, productionDeps(wechat));
    return router.handle(event, { openid }, productionDeps(wechat));
  };
}
