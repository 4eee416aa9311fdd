/**
 * Boots the preview in the browser: globals a mini-program expects, the native
 * components, every component's JS (children first), the app, then the home
 * page as the chosen persona.
 */
import { installTapShim, surfaceComponentErrors } from './events';
import type { ModuleLoader, PreviewManifest } from './manifest';
import { registerNatives } from './natives';
import { Panels } from './panels';
import { Registry } from './registry';
import { report, Router } from './router';
import { createWx } from './wx';

function viewport(): HTMLElement {
  const el = document.getElementById('pv-viewport');
  if (!el) throw new Error('preview shell is missing #pv-viewport');
  return el;
}

function launchApp(registry: Registry, loadApp: ModuleLoader | null, home: string): void {
  if (!loadApp) return;
  loadApp();
  const app = registry.app;
  const launch = { path: home, query: {}, scene: 1001, referrerInfo: {} };
  for (const hook of ['onLaunch', 'onShow'] as const) {
    const fn = app[hook];
    if (typeof fn === 'function') fn.call(app, launch);
  }
}

export async function boot(
  manifest: PreviewManifest,
  loaders: Record<string, ModuleLoader>,
  loadApp: ModuleLoader | null,
): Promise<void> {
  surfaceComponentErrors();
  const router = new Router(manifest);
  const registry = new Registry(manifest);
  const g = globalThis as unknown as Record<string, unknown>;
  g.wx = createWx(router);
  g.getCurrentPages = () => router.instances();
  registry.install();
  registerNatives();
  installTapShim(viewport());

  Panels.enterLocalMode();
  const relaunch = (page?: string): void => void router.reLaunch(`/${page ?? router.home}`).catch(report);
  const panels = new Panels(relaunch);
  await panels.loadPersonas();
  // Pages read the text size when they open: reload, and the hash reopens the page being looked at.
  panels.renderTextSizes(() => location.reload());
  panels.startOutbox();

  registry.loadAll(loaders);
  launchApp(registry, loadApp, router.home);
  if (manifest.pages.length === 0) {
    const note = document.createElement('div');
    note.className = 'pv-missing';
    note.textContent = '还没有可预览的页面（app.json 中的页面文件尚未创建）。';
    viewport().append(note);
    return;
  }
  // `#/pages/x/index?a=1` reopens that page (the router keeps the hash current); anything else starts at home.
  const start = location.hash.startsWith('#/') ? location.hash.slice(1) : `/${router.home}`;
  await router.reLaunch(start).catch(() => router.reLaunch(`/${router.home}`));
  document.documentElement.dataset.previewReady = 'true';
}
