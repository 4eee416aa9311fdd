/**
 * Cold-load time of a cloud function: the esbuild single-file bundle (what we
 * deploy) against the same function with its dependencies left in
 * node_modules (what a plain upload would run). Each sample is a new Node
 * process that requires the entry and calls nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '../..');

function sampleMs(entry: string): number {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `const t=process.hrtime.bigint();require(${JSON.stringify(entry)});console.log(Number(process.hrtime.bigint()-t)/1e6)`,
    ],
    { encoding: 'utf8', env: { ...process.env, SILENCE: 'true' } },
  );
  return Number(out.trim());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchColdLoad(
  fn = 'nomination',
  runs = 9,
): Promise<Array<{ name: string; value: number; unit: string }>> {
  const dir = join(ROOT, 'node_modules/.cache/hqn-bench');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = join(ROOT, 'cloudfunctions', fn, 'src/index.ts');
  const common = {
    entryPoints: [entry],
    platform: 'node' as const,
    target: 'node16',
    format: 'cjs' as const,
    bundle: true,
    logLevel: 'error' as const,
  };
  await build({ ...common, outfile: join(dir, 'bundled.js') });
  await build({ ...common, outfile: join(dir, 'unbundled.js'), packages: 'external' });
  // Warm the page cache once for both, then alternate to share the machine's noise.
  sampleMs(join(dir, 'bundled.js'));
  sampleMs(join(dir, 'unbundled.js'));
  const bundled: number[] = [];
  const unbundled: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    bundled.push(sampleMs(join(dir, 'bundled.js')));
    unbundled.push(sampleMs(join(dir, 'unbundled.js')));
  }
  const b = median(bundled);
  const u = median(unbundled);
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: `cold load ${fn}: bundled (median of ${runs})`, value: b, unit: 'ms' },
    { name: `cold load ${fn}: unbundled node_modules (median of ${runs})`, value: u, unit: 'ms' },
    { name: `cold load ${fn}: unbundled / bundled`, value: u / b, unit: '×' },
  ];
}
