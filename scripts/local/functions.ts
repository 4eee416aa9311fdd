/** Every cloud function's router, by name: the same entry points production deploys. */
import { router as account } from '../../cloudfunctions/account/src/router';
import { router as nomination } from '../../cloudfunctions/nomination/src/router';
import { router as cron } from '../../cloudfunctions/cron/src/router';
import { router as admin } from '../../cloudfunctions/admin/src/router';
import { router as notice } from '../../cloudfunctions/notice/src/router';
import { router as exportRouter } from '../../cloudfunctions/export/src/router';
import type { Router } from '../../cloudfunctions/_lib/router';

export const FUNCTIONS: Record<string, Router> = { account, nomination, cron, export: exportRouter, admin, notice };
