/** Dependencies for local runs (dev server, tests, benchmarks): the embedded store and dev keys. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEXES } from '../../cloudfunctions/_lib/collections';
import { createPersonalDataCrypto, generateKeys, type CryptoKeys } from '../../cloudfunctions/_lib/crypto';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { createLocalFileStore } from '../../cloudfunctions/_lib/files';
import { createConsoleLogger, type Logger } from '../../cloudfunctions/_lib/logger';
import { randomId } from '../../cloudfunctions/_lib/ids';
import { createEmbeddedStore } from '../../cloudfunctions/_lib/store/embedded';
import { DEV_TEMPLATE_IDS, type SubscribeSender } from '../../cloudfunctions/_lib/wechat';
import { createWechatEmulator } from './wechat';

export const CITY_ORG_ID = 'city';

/** Fixed keys for tests only; a real deployment takes its keys from the environment. */
export const TEST_KEYS: CryptoKeys = {
  dataKey: Buffer.alloc(32, 7).toString('base64'),
  hashKey: Buffer.alloc(32, 9).toString('base64'),
};

export interface LocalDepsOptions {
  /** Directory of the durable store; omit for in-memory. */
  dataDir?: string;
  keys?: CryptoKeys;
  clock?: () => Date;
  log?: Logger;
  bootstrapCityAdmins?: string[];
  /** Where generated files go; defaults to `<dataDir>/files`, or a fresh directory under the OS temp dir. */
  filesDir?: string;
  /** WeChat's side of subscribe messages; defaults to a fresh emulator that delivers everything. */
  wechat?: SubscribeSender;
}

/** The directory the dev server serves as `/files/` for a data directory. */
export function filesDirOf(dataDir: string): string {
  return join(dataDir, 'files');
}

/** In-memory runs get their own directory, created only when a file is first written. */
function scratchFilesDir(): string {
  return join(tmpdir(), `hqn-files-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Dev keys live beside the data so a restart can still decrypt it. */
export function devKeys(dataDir: string): CryptoKeys {
  const file = join(dataDir, 'dev-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CryptoKeys;
  mkdirSync(dataDir, { recursive: true });
  const keys = generateKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export function createLocalDeps(options: LocalDepsOptions = {}): ServerDeps {
  const keys = options.keys ?? (options.dataDir ? devKeys(options.dataDir) : TEST_KEYS);
  const clock = options.clock ?? (() => new Date());
  const filesDir = options.filesDir ?? (options.dataDir ? filesDirOf(options.dataDir) : scratchFilesDir());
  return {
    store: createEmbeddedStore({ dir: options.dataDir, indexes: INDEXES }),
    crypto: createPersonalDataCrypto(keys),
    files: createLocalFileStore(filesDir, '/files', clock),
    log: options.log ?? createConsoleLogger(),
    clock,
    randomId,
    bootstrapCityAdmins: options.bootstrapCityAdmins ?? [],
    cityOrgId: CITY_ORG_ID,
    templates: DEV_TEMPLATE_IDS,
    wechat: options.wechat ?? createWechatEmulator(),
  };
}
