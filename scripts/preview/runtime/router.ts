/**
 * The page stack: what `wx.navigateTo` & co. do on a phone. Each page is a
 * j-component root in its own scrolling `.wx-page` box inside the viewport;
 * hidden pages stay mounted (as in WeChat) until popped. Lifecycle order
 * follows WeChat: attached → onLoad(query) → onShow → ready → onReady.
 */
import { WxFailure } from './callbacks';
import type { PageEntry, PreviewManifest, WindowConfig } from './manifest';
import { showToast } from './ui';
import { parseUrl, type Query } from './url';
import { exparser, jComponent, type ComponentThis, type ExparserNode } from './vendor';

const MAX_STACK = 10;
const REACH_BOTTOM_DISTANCE = 50;

interface StackEntry {
  route: string;
  query: Query;
  window: WindowConfig;
  title: string;
  caller: ComponentThis;
  node: ExparserNode;
  box: HTMLElement;
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview shell is missing #${id}`);
  return el;
}

/** Report a page's own error the way a browser reports an uncaught one, without breaking navigation. */
export function report(e: unknown): void {
  window.reportError(e instanceof Error ? e : new Error(String(e)));
}

/** Every component in a page, depth first, as exparser would reach it for page lifetimes. */
function eachComponent(node: ExparserNode, visit: (n: ExparserNode) => void): void {
  if (node instanceof exparser.Component) {
    visit(node);
    if (node.shadowRoot) eachComponent(node.shadowRoot, visit);
  }
  // Text nodes have no children.
  for (const child of node.childNodes ?? []) eachComponent(child, visit);
}

/** The address bar shows the top page, so a reload (or a shared link) reopens it. */
function queryString(query: Query): string {
  const pairs = Object.entries(query).map(([k, v]) => `${k}=${v}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function callMethod(entry: StackEntry, name: string, ...args: unknown[]): void {
  const fn = entry.caller[name];
  if (typeof fn !== 'function') return;
  try {
    const result: unknown = fn.apply(entry.caller, args);
    if (result instanceof Promise) result.catch(report);
  } catch (e) {
    report(e);
  }
}

function pageLifetime(entry: StackEntry, name: 'show' | 'hide'): void {
  eachComponent(entry.node, (n) => n.triggerPageLifeTime(name, []));
}

export class Router {
  private readonly stack: StackEntry[] = [];
  private readonly pages: Map<string, PageEntry>;

  constructor(private readonly manifest: PreviewManifest) {
    this.pages = new Map(manifest.pages.map((p) => [p.route, p]));
    byId('pv-back').addEventListener('click', () => void this.navigateBack(1).catch(report));
  }

  get home(): string {
    // app.json's first page, or the first one that exists while pages are still being written.
    return this.manifest.pages[0]?.route ?? '';
  }

  /** The page instances, bottom first, as `getCurrentPages()` returns them. */
  instances(): ComponentThis[] {
    return this.stack.map((e) => e.caller);
  }

  async navigateTo(url: string): Promise<object> {
    if (this.stack.length >= MAX_STACK) throw new WxFailure('navigateTo:fail webview count limit exceed');
    const target = this.resolve('navigateTo', url);
    this.hideTop();
    this.open(target.page, target.query);
    return { eventChannel: { emit() {}, on() {}, once() {}, off() {} } };
  }

  async redirectTo(url: string): Promise<object> {
    const target = this.resolve('redirectTo', url);
    this.pop();
    this.open(target.page, target.query);
    return {};
  }

  async reLaunch(url: string): Promise<object> {
    const target = this.resolve('reLaunch', url);
    while (this.stack.length > 0) this.pop();
    this.open(target.page, target.query);
    return {};
  }

  async switchTab(url: string): Promise<object> {
    const target = this.resolve('switchTab', url);
    if (!this.isTab(target.page.route)) throw new WxFailure(`switchTab:fail can not switch to no-tabBar page`);
    return this.reLaunch(url);
  }

  private isTab(route: string): boolean {
    return (this.manifest.tabBar?.list ?? []).some((t) => t.pagePath === route);
  }

  /** WeChat shows the tab bar on a tab page at the bottom of the stack. */
  private renderTabBar(): void {
    const bar = byId('pv-tabbar');
    const top = this.stack.at(-1);
    const tabs = this.manifest.tabBar?.list ?? [];
    const shown = !!top && this.stack.length === 1 && this.isTab(top.route);
    bar.hidden = !shown;
    byId('pv-viewport').classList.toggle('pv-with-tabbar', shown);
    if (!shown) return;
    bar.replaceChildren(
      ...tabs.map((t) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'pv-tab';
        button.textContent = t.text;
        if (t.pagePath === top.route) button.setAttribute('aria-current', 'page');
        button.addEventListener('click', () => void this.switchTab(`/${t.pagePath}`).catch(report));
        return button;
      }),
    );
  }

  async navigateBack(delta = 1): Promise<object> {
    if (this.stack.length <= 1) throw new WxFailure('navigateBack:fail cannot navigate back at first page.');
    for (let i = Math.min(Math.max(delta, 1), this.stack.length - 1); i > 0; i--) this.pop();
    this.showTop();
    return {};
  }

  async setTitle(title: string): Promise<object> {
    const top = this.stack.at(-1);
    if (top) top.title = title;
    this.renderNavbar();
    return {};
  }

  async scrollTo(scrollTop: number): Promise<object> {
    this.stack.at(-1)?.box.scrollTo({ top: scrollTop });
    return {};
  }

  private resolve(api: string, url: string): { page: PageEntry; query: Query } {
    const { route, query } = parseUrl(url, this.stack.at(-1)?.route ?? null);
    const page = this.pages.get(route);
    if (page) return { page, query };
    if (this.manifest.missing.includes(route)) {
      void showToast({ title: '该页面尚未完成', icon: 'none' });
      throw new WxFailure(`${api}:fail page "${route}" is not built yet`);
    }
    throw new WxFailure(`${api}:fail page "${route}" is not found`);
  }

  private open(page: PageEntry, query: Query): void {
    const box = document.createElement('div');
    box.className = 'wx-page';
    box.dataset.route = page.route;
    const window = { ...this.manifest.window, ...page.window };
    if (window.backgroundColor) box.style.backgroundColor = window.backgroundColor;
    const root = jComponent.create(page.id);
    const caller = root.instance;
    const node = caller._exparserNode;
    Object.assign(caller, { route: page.route, options: query, __route__: page.route });
    box.appendChild(root.dom);
    byId('pv-viewport').appendChild(box);
    const entry: StackEntry = {
      route: page.route,
      query,
      window,
      title: window.navigationBarTitleText ?? '',
      caller,
      node,
      box,
    };
    this.stack.push(entry);
    this.renderNavbar();
    exparser.Element.pretendAttached(node);
    callMethod(entry, 'onLoad', query);
    callMethod(entry, 'onShow');
    pageLifetime(entry, 'show');
    eachComponent(node, (n) => n.triggerLifeTime('ready', []));
    callMethod(entry, 'onReady');
    this.watchScroll(entry);
  }

  private watchScroll(entry: StackEntry): void {
    let atBottom = false;
    entry.box.addEventListener('scroll', () => {
      const { scrollTop, scrollHeight, clientHeight } = entry.box;
      callMethod(entry, 'onPageScroll', { scrollTop });
      const near = scrollTop + clientHeight >= scrollHeight - REACH_BOTTOM_DISTANCE;
      if (near && !atBottom) callMethod(entry, 'onReachBottom');
      atBottom = near;
    });
  }

  private hideTop(): void {
    const top = this.stack.at(-1);
    if (!top) return;
    callMethod(top, 'onHide');
    pageLifetime(top, 'hide');
    top.box.hidden = true;
  }

  private showTop(): void {
    const top = this.stack.at(-1);
    if (!top) return;
    top.box.hidden = false;
    this.renderNavbar();
    callMethod(top, 'onShow');
    pageLifetime(top, 'show');
  }

  private pop(): void {
    const top = this.stack.pop();
    if (!top) return;
    callMethod(top, 'onUnload');
    exparser.Element.pretendDetached(top.node);
    top.box.remove();
  }

  private renderNavbar(): void {
    const top = this.stack.at(-1);
    const custom = top?.window.navigationStyle === 'custom';
    const navbar = byId('pv-navbar');
    navbar.hidden = custom;
    navbar.classList.toggle('pv-white', top?.window.navigationBarTextStyle === 'white');
    navbar.style.backgroundColor = top?.window.navigationBarBackgroundColor ?? '#ffffff';
    byId('pv-viewport').classList.toggle('pv-custom-nav', custom);
    byId('pv-title').textContent = top?.title ?? '';
    byId('pv-back').hidden = this.stack.length <= 1;
    this.renderTabBar();
    if (top) history.replaceState(null, '', `#/${top.route}${queryString(top.query)}`);
  }
}
