/** `npm run bench`: prints figures, each as a ratio against a baseline measured in the same run. */
import { benchColdLoad } from './bench/cold-load';
import { benchExport } from './bench/export';
import { benchImport } from './bench/import';
import { benchMatching } from './bench/matching';
import { benchRoster } from './bench/roster';
import { benchStore } from './bench/store';
import { benchWrites } from './bench/writes';

function print(rows: Array<{ name: string; value: number; unit: string }>): void {
  for (const r of rows)
    console.log(`${r.name.padEnd(96)} ${r.value.toFixed(r.unit === '×' ? 2 : 3).padStart(10)} ${r.unit}`);
}

async function main(): Promise<void> {
  console.log('— embedded store, 100,000 youth documents —');
  print(await benchStore());
  console.log('— rosters and dashboards, 100,000 youths in 2,000 units, via the admin router (budget p95 20 ms) —');
  print(await benchRoster());
  console.log('— a write action in one transaction, against the same writes without one —');
  print(await benchWrites());
  console.log('— cloud function cold load —');
  print(await benchColdLoad());
  console.log('— summary-table export, 1,000 approved youths (budget 2 s) —');
  print(await benchExport());
  console.log('— export function cold load (docx + exceljs, loaded lazily) —');
  print(await benchColdLoad('export'));
  console.log('— batch matching, 2,000 youths × 300 mentors (budget 2 s), against greedy and HiGHS —');
  print(await benchMatching());
  console.log('— Excel import, 5,000 organisation rows previewed (budget 3 s), against reading the workbook alone —');
  print(await benchImport());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
