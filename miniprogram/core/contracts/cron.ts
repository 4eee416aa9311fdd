import * as z from 'zod/mini';
import { action, defineContract } from './define';

/** Timed jobs: run by CloudBase timer triggers only (access 'system'). */
export const cronContract = defineContract('cron', {
  /**
   * R9.2 erase every withdrawn or voided nomination past its erasure date (and every trace of its person), and
   * drafts untouched past the retention; one transaction and audit entry per record. `more`: the run stopped
   * at its time budget and the next run goes on.
   */
  purgeWithdrawn: action<{ erased: number; drafts: number; more: boolean }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    steps: true,
    errors: [],
  }),
  /** Export files a day old: the file and its record (issue 8 §10). */
  purgeExports: action<{ removed: number }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    errors: [],
  }),
  /**
   * Idempotency markers older than a day and limit counters past their expiry (they pile up); notification delivery
   * records and spent grants a month old, message-centre messages a year old (they name people).
   */
  purgeSpent: action<{ removed: number }>()({
    input: z.strictObject({}),
    access: 'system',
    write: true,
    errors: [],
  }),
});
