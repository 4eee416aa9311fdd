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
  ReviewInput,
  type DraftView,
} from './nomination';
export * from './nomination-form';

import { accountContract } from './account';
import { nominationContract } from './nomination';

/** Every function the mini-program can call, by name. */
export const contracts = { account: accountContract, nomination: nominationContract } as const;
export { cronContract } from './cron';
export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
