import { rmSync } from 'node:fs';
import { LOG_DIR } from './log-capture';

/** A fresh capture for each run, so check-logs scans only this run's output. */
export default function globalSetup(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
}
