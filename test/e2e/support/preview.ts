/**
 * One running preview for an e2e test: in-memory store with the demo seed,
 * the dev server serving the built `.preview/`, and headless Chromium with a
 * fresh profile. Any uncaught page error is recorded; `assertNoPageErrors`
 * fails the test with them.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { ServerDeps } from '../../../cloudfunctions/_lib/deps';
import { createConsoleLogger } from '../../../cloudfunctions/_lib/logger';
import { startDevServer, type DevServer } from '../../../scripts/dev-server';
import { createLocalDeps } from '../../../scripts/local/deps';
import { seedDemo } from '../../../scripts/local/seed';
import { captureLine } from '../../support/log-capture';
import { chromiumPath } from '../../../scripts/e2e-browser';

export const REPO = join(__dirname, '../../..');
export const PREVIEW_DIR = join(REPO, '.preview');
export const SHOTS_DIR = join(REPO, '.preview-shots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Preview {
  url: string;
  page: Page;
  deps: ServerDeps;
  /** Uncaught errors of the page (exceptions, rejections, errors exparser caught in component code). */
  errors: string[];
  /** console.error output, printed when a test fails to help find why. */
  consoleErrors: string[];
  /** Where the dev server keeps generated files (served under /files/). */
  filesDir: string;
  close(): Promise<void>;
}

export function requireBuiltPreview(dir = PREVIEW_DIR): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `${dir}/index.html is missing: run \`npm run build\` (or \`npx tsx scripts/preview/build.ts\`) before the e2e tests`,
    );
  }
}

export async function startPreview(
  options: { staticDir?: string; now?: Date; drainEveryMs?: number } = {},
): Promise<Preview> {
  const staticDir = resolve(options.staticDir ?? PREVIEW_DIR);
  requireBuiltPreview(staticDir);
  // Server and browser logs join the suite's capture, so the personal-data scan (check-logs) covers e2e too.
  // Generated files (exports, uploads) are served under /files/, as `npm start` does.
  const filesDir = mkdtempSync(join(tmpdir(), 'hqn-e2e-files-'));
  const deps = createLocalDeps({ log: createConsoleLogger(captureLine), filesDir });
  await seedDemo(deps, options.now ?? new Date());
  const server: DevServer = await startDevServer(deps, {
    port: 0,
    staticDir,
    filesDir,
    drainEveryMs: options.drainEveryMs,
  });
  const profile = mkdtempSync(join(tmpdir(), 'hqn-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: await chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 860 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    captureLine(`[browser ${m.type()}] ${m.text()}`);
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return {
    url: server.url,
    page,
    deps,
    errors,
    consoleErrors,
    filesDir,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Opens the preview and waits until the home page is on screen. */
export async function openPreview(p: Preview): Promise<void> {
  await p.page.goto(p.url);
  await p.page.locator('html[data-preview-ready="true"]').waitFor({ timeout: 15_000 });
}

/** The visible page of the phone (the top of the page stack). */
export function phonePage(page: Page): Locator {
  return page.locator('#pv-viewport > .wx-page:not([hidden])');
}

export function personaButton(page: Page, name: string): Locator {
  return page.locator('#pv-persona-list .pv-persona', { hasText: name });
}

/** Switches identity through the panel, as a person would, and waits for the home page to come back. */
export async function switchPersona(page: Page, name: string): Promise<void> {
  await personaButton(page, name).click();
  await page.locator('#pv-persona-list .pv-persona[aria-pressed="true"]', { hasText: name }).waitFor();
  await page.locator('#pv-viewport > .wx-page').first().waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const file = join(SHOTS_DIR, `${name}.png`);
  // Finish CSS transitions first (TDesign buttons fade between states), so the picture shows the settled UI.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

export function assertNoPageErrors(p: Preview): void {
  if (p.errors.length > 0) {
    throw new Error(`page errors:\n${p.errors.join('\n---\n')}\nconsole errors:\n${p.consoleErrors.join('\n')}`);
  }
}

/**
 * The TDesign icons on the visible page, each with whether the shipped icon.wxss gives it a glyph. The build
 * keeps only the icons it finds in use (scripts/icons.ts); an icon it missed renders as an empty box.
 */
export async function iconsOnPage(page: Page): Promise<Array<{ name: string; glyph: boolean }>> {
  return phonePage(page)
    .locator('[class*="--t-icon-base"]')
    .evaluateAll((els) =>
      els.map((el) => {
        const token = Array.from(el.classList).find((c) => /--t-icon-(?!base$)[a-z0-9-]+$/.test(c)) ?? '';
        const content = getComputedStyle(el, '::before').content;
        return { name: token.replace(/^.*--t-icon-/, ''), glyph: content !== 'none' && content !== 'normal' };
      }),
    );
}

/** One flow's preview, started once for the file, and the few moves every flow makes on the phone. */
export interface PreviewFlow {
  /** The running preview (from `beforeAll` on). */
  readonly p: Preview;
  /** The visible page of the phone. */
  phone(): Locator;
  /** The navigation bar's title. */
  title(): Locator;
  /** The open native dialog (wx.showModal). */
  modal(): Locator;
  /** Opens a page through the preview's router, as wx.reLaunch does on a phone, and waits for its title. */
  openMiniPage(url: string, pageTitle: string | RegExp): Promise<void>;
  /** Taps the first element whose whole text is `text`. */
  tapText(text: string): Promise<void>;
}

/**
 * Starts the preview before the file's tests (after `arrange` has written their data, so the first page reads it),
 * closes it after them, and fails any test during which the page threw.
 */
export function usePreview(
  arrange?: (p: Preview) => Promise<void>,
  options?: Parameters<typeof startPreview>[0],
): PreviewFlow {
  let current: Preview | undefined;
  beforeAll(async () => {
    current = await startPreview(options);
    if (arrange) await arrange(current);
    await openPreview(current);
  });
  afterAll(async () => {
    await current?.close();
  });
  afterEach(() => {
    if (current) assertNoPageErrors(current);
  });
  const need = (): Preview => {
    if (!current) throw new Error('the preview has not started (use it inside a test)');
    return current;
  };
  const title = () => need().page.locator('#pv-title');
  return {
    get p() {
      return need();
    },
    phone: () => phonePage(need().page),
    title,
    modal: () => need().page.getByRole('dialog'),
    async openMiniPage(url, pageTitle) {
      await need().page.evaluate((target) => {
        (globalThis as unknown as { wx: { reLaunch(o: { url: string }): void } }).wx.reLaunch({ url: target });
      }, url);
      await title().filter({ hasText: pageTitle }).waitFor();
    },
    async tapText(text) {
      // Visible first: a page still sliding in (or hidden behind the next one) cannot take the tap.
      const target = phonePage(need().page).getByText(text, { exact: true }).first();
      await target.waitFor({ state: 'visible' });
      await target.click({ force: true });
    },
  };
}
