/**
 * Which Chromium the e2e tests drive (README "Quick start": `npm ci && npm test` is the whole set-up). In order:
 * `CHROMIUM_PATH`; a system Chromium or Chrome (Debian's `chromium`, which `.ci/run` installs with
 * `fonts-noto-cjk`); Chromium shipped inside the `@sparticuz/chromium` devDependency, unpacked into the temp
 * directory on first use (no download: the build is part of the npm package). If none can be had, the tests stop
 * at once with the one command that fixes it.
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

export const INSTALL_HINT =
  'sudo apt-get install -y chromium fonts-noto-cjk   # or set CHROMIUM_PATH to a Chromium or Chrome binary';

/** Unpacks the npm-shipped Chromium (a no-op after the first time); null when the package is not installed. */
async function packagedChromium(): Promise<string | null> {
  let mod: { default: { executablePath(): Promise<string> } };
  try {
    mod = (await import('@sparticuz/chromium')) as typeof mod;
  } catch {
    return null;
  }
  try {
    return await mod.default.executablePath();
  } catch {
    return null;
  }
}

export interface BrowserChoice {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'npm package';
}

export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  packaged: () => Promise<string | null> = packagedChromium,
): Promise<BrowserChoice> {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (exists(explicit)) return { path: explicit, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH=${explicit} does not exist. Unset it, or install a browser:\n  ${INSTALL_HINT}`);
  }
  const system = SYSTEM_CHROMIUMS.find(exists);
  if (system) return { path: system, source: 'system' };
  const shipped = await packaged();
  if (shipped && exists(shipped)) return { path: shipped, source: 'npm package' };
  throw new Error(`No Chromium for the end-to-end tests. Run:\n  ${INSTALL_HINT}`);
}

let chosen: Promise<BrowserChoice> | null = null;

/** The browser for this test process, found once. */
export function chromiumPath(): Promise<string> {
  chosen ??= findChromium();
  return chosen.then((c) => c.path);
}

/** `npm test` runs this first: it stops at once, before the build, when no browser can be had. */
if (require.main === module) {
  findChromium().then(
    (c) => console.log(`e2e browser (${c.source}): ${c.path}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
