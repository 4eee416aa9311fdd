export * from './define';
export * from './common';
export {
  accountContract,
  type AccountContract,
  type MeOutput,
  type UnitView,
  type PeriodView,
  type GrantView,
} from './account';
export {
  nominationContract,
  type NominationContract,
  type NominationView,
  SelfNominationInput,
  type DraftView,
  type EligibilityView,
} from './nomination';
export * from './nomination-form';
export * from './forms';

export * from './admin';
export * from './mentoring';
export * from './services';
export * from './registry';
export * from './cultivation';
export {
  messageContract,
  type MessageContract,
  type MessageView,
  type DeliveryRow,
  type DrainView,
  RecordGrantsInput,
} from './message';

import { accountContract } from './account';
import { adminContract, exportContract, noticeContract } from './admin';
import { messageContract } from './message';
import { nominationContract } from './nomination';
import { mentoringContract } from './mentoring';
import { servicesContract } from './services';
import { registryContract } from './registry';
import { cultivationContract } from './cultivation';

/** Every function the mini-program can call, by name. */
export const contracts = {
  account: accountContract,
  nomination: nominationContract,
  admin: adminContract,
  export: exportContract,
  notice: noticeContract,
  mentoring: mentoringContract,
  cultivation: cultivationContract,
  message: messageContract,
  services: servicesContract,
  registry: registryContract,
} as const;
export { cronContract } from './cron';
export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
