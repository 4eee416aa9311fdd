/**
 * `npm run size`: compiles the mini-program offline with miniprogram-ci (the
 * same compiler as upload, unused files ignored) and fails when the main
 * package exceeds 1 MB. Needs `npm run build` first (it reads the emitted .js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
export const MAIN_PACKAGE_LIMIT = 1024 * 1024;

interface CiModule {
  Project: new (options: Record<string, unknown>) => unknown;
  DefaultProjectAttr: unknown;
  getCompiledResult(options: Record<string, unknown>, zipPath: string): Promise<Record<string, string | Buffer>>;
}

export async function compiledSizes(): Promise<{ total: number; files: number; largest: Array<[string, number]> }> {
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
    const sizes = Object.entries(files).map(
      ([path, content]) => [path, Buffer.byteLength(content)] as [string, number],
    );
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    return { total, files: sizes.length, largest: sizes.sort((a, b) => b[1] - a[1]).slice(0, 8) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { total, files, largest } = await compiledSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`主包大小 main package: ${kb(total)} in ${files} files (limit ${kb(MAIN_PACKAGE_LIMIT)})`);
  for (const [path, n] of largest) console.log(`  ${kb(n).padStart(10)}  ${path}`);
  if (total > MAIN_PACKAGE_LIMIT) {
    console.error(`主包超过 1 MB：${kb(total)}`);
    process.exit(1);
  }
  process.exit(0); // miniprogram-ci leaves a child process that keeps Node alive
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
