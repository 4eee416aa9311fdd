/**
 * Every log line the suite produces (console and our loggers) is appended to
 * .test-logs/, which `scripts/check-logs.ts` scans after jest for full ID
 * numbers and phones (R9.1: personal data never reaches a log).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_DIR = join(__dirname, '../../.test-logs');
const file = join(LOG_DIR, `${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.log`);
let ready = false;

export function captureLine(text: string): void {
  if (!ready) {
    mkdirSync(LOG_DIR, { recursive: true });
    ready = true;
  }
  appendFileSync(file, `${text}\n`);
}

function format(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' ');
}

/** Wraps console so whatever product code prints is captured too. */
export function captureConsole(): void {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      captureLine(format(args));
      original(...args);
    };
  }
}
