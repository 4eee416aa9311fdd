/** Every cloud function by name: its contract and its router (the same entry point production deploys). */
import { router as account } from '../../cloudfunctions/account/src/router';
import { router as nomination } from '../../cloudfunctions/nomination/src/router';
import { router as cron } from '../../cloudfunctions/cron/src/router';
import { router as admin } from '../../cloudfunctions/admin/src/router';
import { router as notice } from '../../cloudfunctions/notice/src/router';
import { router as exportRouter } from '../../cloudfunctions/export/src/router';
import { router as mentoring } from '../../cloudfunctions/mentoring/src/router';
import { router as cultivation } from '../../cloudfunctions/cultivation/src/router';
import { router as message } from '../../cloudfunctions/message/src/router';
import { router as services } from '../../cloudfunctions/services/src/router';
import { router as registry } from '../../cloudfunctions/registry/src/router';
import type { Router } from '../../cloudfunctions/_lib/router';
import { contracts, cronContract } from '../../miniprogram/core/contracts';

/** What each router implements: the phone's contracts, and the timer-only `cron`. */
export const CONTRACTS = { ...contracts, cron: cronContract } as const;
export type FunctionName = keyof typeof CONTRACTS;

/** One router per contract, no more and no fewer (the compiler checks both ways). */
export const ROUTERS = {
  account,
  nomination,
  cron,
  export: exportRouter,
  admin,
  notice,
  mentoring,
  cultivation,
  message,
  services,
  registry,
} satisfies Record<FunctionName, Router>;

export const FUNCTIONS: Record<string, Router> = ROUTERS;
