/**
 * The production entry: builds the dependencies once per warm container and
 * takes the caller's OPENID from the platform context. It never reads the dev
 * server's header.
 */
import * as tcb from '@cloudbase/node-sdk';
import type { CallEvent, Envelope } from '../../miniprogram/core/contracts/define';
import { createPersonalDataCrypto, keysFromEnv } from './crypto';
import type { ServerDeps } from './deps';
import { randomId } from './ids';
import { createConsoleLogger } from './logger';
import type { Router } from './router';
import { createCloudbaseStore } from './store/cloudbase';

let cached: ServerDeps | null = null;

function productionDeps(): ServerDeps {
  if (cached) return cached;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  cached = {
    store: createCloudbaseStore(app),
    crypto: createPersonalDataCrypto(keysFromEnv(process.env)),
    log: createConsoleLogger(),
    clock: () => new Date(),
    randomId,
    bootstrapCityAdmins: (process.env.HQN_BOOTSTRAP_CITY_ADMINS ?? '').split(',').filter(Boolean),
    cityOrgId: process.env.HQN_CITY_ORG_ID ?? 'city',
  };
  return cached;
}

export function createProductionMain(router: Router) {
  return async function main(event: CallEvent, context: unknown): Promise<Envelope<unknown>> {
    const wx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
    return router.handle(event, { openid: wx.WX_OPENID || null }, productionDeps());
  };
}
