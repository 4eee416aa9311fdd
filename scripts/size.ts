/**
 * `npm run size`: compiles the mini-program offline with miniprogram-ci (the
 * same compiler as upload, unused files ignored), attributes every compiled
 * file to the main package or to the subpackage whose root it lies under (as
 * app.json declares them), prints each package and fails above the budgets:
 * the main package 400 KB (what every user downloads on first launch),
 * every subpackage 1 MB. Needs `npm run build` first (it reads the emitted .js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageOfPath, packagesOf, readAppJson, type MpPackage } from './mp-packages';

const ROOT = join(__dirname, '..');
const APP_ROOT = join(ROOT, 'miniprogram');
export const MAIN_PACKAGE_LIMIT = 400 * 1024;
export const SUBPACKAGE_LIMIT = 1024 * 1024;

export type FileSize = [path: string, bytes: number];

export interface PackageSize {
  name: string;
  /** `null` for the main package. */
  root: string | null;
  bytes: number;
  files: number;
  limit: number;
  /** The biggest files, largest first. */
  largest: FileSize[];
}

interface CiModule {
  Project: new (options: Record<string, unknown>) => unknown;
  DefaultProjectAttr: unknown;
  getCompiledResult(options: Record<string, unknown>, zipPath: string): Promise<Record<string, string | Buffer>>;
}

/** Each package's compiled size, main first; a file belongs to the subpackage whose root folder holds it. */
export function sizesByPackage(
  files: FileSize[],
  packages: MpPackage[],
  top = Number(process.env.SIZE_TOP ?? 8),
): PackageSize[] {
  const sizes = packages.map((p): PackageSize & { all: FileSize[] } => ({
    name: p.name,
    root: p.root,
    bytes: 0,
    files: 0,
    limit: p.root === null ? MAIN_PACKAGE_LIMIT : SUBPACKAGE_LIMIT,
    largest: [],
    all: [],
  }));
  for (const file of files) {
    const entry = sizes[packages.indexOf(packageOfPath(packages, file[0]))];
    entry.bytes += file[1];
    entry.files += 1;
    entry.all.push(file);
  }
  return sizes.map(({ all, ...s }) => ({ ...s, largest: [...all].sort((a, b) => b[1] - a[1]).slice(0, top) }));
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** One line per package over its budget; empty when all fit. */
export function overBudget(sizes: PackageSize[]): string[] {
  return sizes
    .filter((s) => s.bytes > s.limit)
    .map((s) => `${s.root === null ? '主包' : `分包 ${s.root}`}超过 ${kb(s.limit)}：${kb(s.bytes)}`);
}

export function formatSizes(sizes: PackageSize[]): string {
  const lines: string[] = [];
  for (const s of sizes) {
    const label = s.root === null ? '主包 main package' : `分包 subpackage ${s.root}/ (${s.name})`;
    lines.push(`${label}: ${kb(s.bytes)} in ${s.files} files (limit ${kb(s.limit)})`);
    for (const [path, n] of s.largest) lines.push(`  ${kb(n).padStart(10)}  ${path}`);
  }
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  lines.push(`总计 all packages: ${kb(total)}`);
  return lines.join('\n');
}

/** Every file of the compiled upload (app-root-relative path, bytes). */
export async function compiledFiles(): Promise<FileSize[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as CiModule;
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: ROOT,
    privateKey: 'offline-compile-only',
    ignores: [
      'node_modules/**/*',
      'cloudfunctions/**/*',
      'test/**/*',
      'scripts/**/*',
      '.data/**/*',
      '.preview/**/*',
      '.git/**/*',
    ],
    // Undocumented hook (research/frontend-toolchain.md §4): skips the network call for project attributes.
    attr: async () => ci.DefaultProjectAttr,
  });
  const dir = mkdtempSync(join(tmpdir(), 'hqn-size-'));
  try {
    const files = await ci.getCompiledResult(
      { project, version: '0.0.0', setting: { useProjectConfig: true } },
      join(dir, 'out.zip'),
    );
    return Object.entries(files).map(([path, content]): FileSize => [path, Buffer.byteLength(content)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = sizesByPackage(await compiledFiles(), packagesOf(readAppJson(APP_ROOT)));
  console.log(formatSizes(sizes));
  const over = overBudget(sizes);
  for (const line of over) console.error(line);
  process.exit(over.length > 0 ? 1 : 0); // miniprogram-ci leaves a child process that keeps Node alive
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
