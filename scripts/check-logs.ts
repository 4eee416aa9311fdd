/**
 * Scans the logs captured during `jest` (.test-logs/) for full resident ID
 * numbers (with a valid GB 11643 check digit) and mainland mobile numbers.
 * Any hit fails `npm test` (R9.1).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdNumber } from '../miniprogram/core/id-number';

const DIR = join(__dirname, '..', '.test-logs');
const ID_CANDIDATE = /(?<![0-9A-Za-z])[1-8]\d{16}[\dXx](?![0-9A-Za-z])/g;
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

export function findPersonalData(text: string): string[] {
  const ids = [...text.matchAll(ID_CANDIDATE)].map((m) => m[0]).filter((c) => parseIdNumber(c).ok);
  const phones = [...text.matchAll(PHONE)].map((m) => m[0]);
  return [...ids, ...phones];
}

function main(): void {
  if (!existsSync(DIR)) {
    console.error('check-logs: no captured logs (.test-logs/ missing) — did jest run with the log capture?');
    process.exit(1);
  }
  const files = readdirSync(DIR);
  let lines = 0;
  const leaks: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(DIR, f), 'utf8');
    lines += text.split('\n').length - 1;
    for (const hit of findPersonalData(text)) leaks.push(`${f}: ${hit.slice(0, 3)}…${hit.slice(-2)}`);
  }
  if (leaks.length > 0) {
    console.error(`check-logs: ${leaks.length} full ID or phone numbers found in test logs:\n${leaks.join('\n')}`);
    process.exit(1);
  }
  console.log(`check-logs: ${lines} log lines from ${files.length} files, no full ID or phone numbers`);
}

if (require.main === module) main();
