import * as z from 'zod/mini';
import { action, defineContract } from './define';

/** Timed jobs: run by CloudBase timer triggers only (access 'system'). */
export const cronContract = defineContract('cron', {
  /** R9.2 erase the personal data of nominations withdrawn longer than the period's retention. */
  purgeWithdrawn: action<{ erased: number }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    errors: [],
  }),
  /** Export files a day old: the file and its record (issue 8 §10). */
  purgeExports: action<{ removed: number }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    errors: [],
  }),
  /** Idempotency markers older than a day and limit counters past their expiry (they hold nothing personal, but pile up). */
  purgeSpent: action<{ removed: number }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    errors: [],
  }),
});
