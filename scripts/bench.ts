/** `npm run bench`: prints figures, each as a ratio against a baseline measured in the same run. */
import { benchColdLoad } from './bench/cold-load';
import { benchStore } from './bench/store';

function print(rows: Array<{ name: string; value: number; unit: string }>): void {
  for (const r of rows)
    console.log(`${r.name.padEnd(96)} ${r.value.toFixed(r.unit === '×' ? 2 : 3).padStart(10)} ${r.unit}`);
}

async function main(): Promise<void> {
  console.log('— embedded store, 100,000 youth documents —');
  print(await benchStore());
  console.log('— cloud function cold load —');
  print(await benchColdLoad());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
