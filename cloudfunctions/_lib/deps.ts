import type { PersonalDataCrypto } from './crypto';
import type { FileStore } from './files';
import type { Logger } from './logger';
import type { Store } from './store/port';
import type { SubscribeSender, TemplateIds } from './wechat';

/** Everything an action needs from the outside world, injected once per process. */
export interface ServerDeps {
  store: Store;
  crypto: PersonalDataCrypto;
  /** Generated files (exports) and their download links. */
  files: FileStore;
  log: Logger;
  clock: () => Date;
  /** Random identifier source (ids, invitation codes). */
  randomId: (length?: number) => string;
  /** OPENIDs that are city admins before any account exists (first bootstrap, from configuration). */
  bootstrapCityAdmins: readonly string[];
  cityOrgId: string;
  /** The subscribe-message template ids of this mini-program (HQN_TEMPLATE_IDS). */
  templates: TemplateIds;
  /** Sends one subscribe message (only the `message` function has a real one). */
  wechat: SubscribeSender;
}
