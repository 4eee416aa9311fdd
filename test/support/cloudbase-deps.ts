/**
 * The production adapters (store, files) over the real CloudBase SDK pointed at the local fake endpoint, with the
 * test keys and no WeChat sender: what a function runs with in the cloud, for the tests that cross the SDK.
 */
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { createPersonalDataCrypto } from '../../cloudfunctions/_lib/crypto';
import { createCloudbaseFileStore } from '../../cloudfunctions/_lib/files';
import { randomId } from '../../cloudfunctions/_lib/ids';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { createCloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { DEV_TEMPLATE_IDS, noSender } from '../../cloudfunctions/_lib/wechat';
import { CITY_ORG_ID, TEST_KEYS } from '../../scripts/local/deps';
import { connectSdk, type FakeTcbServer } from './fake-tcb-server';
import { NOW } from './harness';

export function cloudbaseDeps(fake: FakeTcbServer, clock: () => Date = () => NOW): ServerDeps {
  const app = connectSdk(fake);
  return {
    store: createCloudbaseStore(app),
    files: createCloudbaseFileStore(app),
    crypto: createPersonalDataCrypto(TEST_KEYS),
    log: silentLogger,
    clock,
    randomId,
    bootstrapCityAdmins: [],
    cityOrgId: CITY_ORG_ID,
    templates: DEV_TEMPLATE_IDS,
    wechat: noSender,
  };
}
