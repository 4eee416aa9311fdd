/**
 * Our own components that only subpackages render (`miniprogram/subpackage-kit/<name>/`,
 * today `chart`) are built like a library: esbuild bundles each one's TypeScript with what it
 * imports (uCharts for the chart) into `miniprogram_npm/hqn-kit/<name>/index.js`, next to its
 * json, wxml and wxss. A subpackage page declares `"chart": "hqn-kit/chart/index"`; the next
 * build step (scripts/subpackage-npm.ts) then copies it into that subpackage's own
 * miniprogram_npm, as it does for TDesign components only subpackages use, so neither the
 * component nor its library ever counts toward the main package. The sources themselves are
 * referenced by no page, so the upload leaves them out (ignoreUploadUnusedFiles).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const KIT_DIR = 'subpackage-kit';
/** The bare spec prefix pages use: `hqn-kit/<name>/index`. */
export const KIT_PACKAGE = 'hqn-kit';

export interface KitComponent {
  name: string;
  /** Bytes of the bundled index.js. */
  bytes: number;
}

/** Builds every kit component into `<appRoot>/miniprogram_npm/hqn-kit/` (regenerated from scratch). */
export async function buildSubpackageKit(appRoot: string): Promise<KitComponent[]> {
  const source = join(appRoot, KIT_DIR);
  const target = join(appRoot, 'miniprogram_npm', KIT_PACKAGE);
  rmSync(target, { recursive: true, force: true });
  if (!existsSync(source)) return [];
  const names = readdirSync(source).filter((n) => existsSync(join(source, n, 'index.ts')));
  const built: KitComponent[] = [];
  for (const name of names) {
    const out = join(target, name);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [join(source, name, 'index.ts')],
      bundle: true,
      format: 'cjs',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2018',
      minify: true,
      legalComments: 'none',
      outfile: join(out, 'index.js'),
      logLevel: 'warning',
    });
    for (const ext of ['json', 'wxml', 'wxss'])
      copyFileSync(join(source, name, `index.${ext}`), join(out, `index.${ext}`));
    built.push({ name, bytes: statSync(join(out, 'index.js')).size });
  }
  return built;
}
