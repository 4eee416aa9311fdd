/**
 * Page tests run the whole stack: page → services/cloud.ts → wx.cloud.callFunction
 * (this bridge) → the REAL routers (scripts/local/functions.ts) → the embedded
 * store in memory, seeded with the demo data. Nothing of our own is mocked; the
 * bridge only plays the WeChat platform: it supplies the caller's OPENID and
 * serialises the event and the answer as the wire would.
 *
 * Also here: the simulate harness the page tests share (TDesign path overrides,
 * render + wait-until-idle). Its types are declared locally on purpose:
 * importing miniprogram-simulate's typings drags miniprogram-api-typings (and
 * its global `require`) into the test program, which breaks scripts/*.ts there.
 */
import * as path from 'node:path';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { createConsoleLogger } from '../../cloudfunctions/_lib/logger';
import { createLocalDeps } from '../../scripts/local/deps';
import { captureLine } from './log-capture';
import { FUNCTIONS } from '../../scripts/local/functions';
import { seedDemo } from '../../scripts/local/seed';

export interface BridgeOptions {
  /** The WeChat user the calls come from; null = no identity. */
  openid: string | null;
  /** Seed the demo data (default true). */
  seed?: boolean;
}

export interface CallRecord {
  name: string;
  action: string;
  data: unknown;
  requestId: unknown;
}

/* ------------------------------------------------------------ local types */

/** A node of the rendered tree as miniprogram-simulate (j-component) exposes it. */
export interface SimNode<D = Record<string, unknown>> {
  readonly dom?: HTMLElement;
  readonly data: D;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(name: string, options?: { detail?: unknown; touches?: Array<{ x: number; y: number }> }): void;
}

export interface SimPage<D> extends SimNode<D> {
  /** The component instance: its methods, `onLoad` among them for a page. */
  readonly instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
  triggerPageLifeTime(name: string): void;
}

interface Simulate {
  load(
    path: string,
    tagName: string,
    options: {
      rootPath: string;
      usingComponents: Record<string, string>;
      /** Passed to miniprogram-compiler's wcc (`maxBuffer` for its output). */
      compilerOptions?: { maxBuffer?: number };
    },
  ): string;
  render(id: string): SimPage<unknown> | undefined;
}

// Loaded untyped on purpose (see the header); installs the global `wx` stubs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate') as Simulate;

interface ModalResult {
  confirm: boolean;
  cancel: boolean;
}

/** The slice of `wx` the pages use and the tests observe. */
interface WxSlice {
  showModal(options: { title?: string; content?: string; success?: (res: ModalResult) => void }): unknown;
  cloud?: unknown;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

/**
 * A new launch forgets the caller's session (services/session.ts keeps it for the app's lifetime):
 * each test, and each change of identity, is a fresh launch. Loaded lazily and untyped, like simulate,
 * so the test program never compiles the mini-program's `wx`-typed services.
 */
function newLaunch(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(MINIPROGRAM_ROOT, 'services/session')) as { resetSession(): void }).resetSession();
}

const wxGlobal = (): WxSlice & Record<string, unknown> =>
  (globalThis as unknown as { wx: WxSlice & Record<string, unknown> }).wx;

type Navigate = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'reLaunch' | 'switchTab';
const NAVIGATIONS: Navigate[] = ['navigateTo', 'redirectTo', 'navigateBack', 'reLaunch', 'switchTab'];

export interface Bridge {
  /** The current test's store and keys (fresh per test). */
  readonly deps: ServerDeps;
  /** The instant the demo data was seeded at (the test's "now"). */
  readonly now: Date;
  /** Every callFunction the pages made in this test, in order. */
  readonly calls: CallRecord[];
  /** Navigation calls the pages made (jest mocks, fresh per test). */
  readonly nav: Record<Navigate, jest.Mock>;
  /** Spy on wx.showModal: confirms by default (simulate's stub). */
  readonly modal: jest.SpyInstance;
  /** Make every confirmation dialog answer "cancel" for the rest of the test. */
  cancelModals(): void;
  setOpenid(openid: string | null): void;
  /** While true, callFunction rejects like a phone without network. */
  setOffline(offline: boolean): void;
  /** The next call reaches the server and runs, but its answer is lost on the way back (a network drop). */
  loseNextAnswer(): void;
  /** The phone's storage (wx.setStorageSync & co.), empty at the start of each test. */
  readonly storage: Map<string, unknown>;
  /** Pages opened in this test; detached after it, so no timer of theirs runs into the next test. */
  readonly opened: Array<{ detach(): void }>;
  /** Resolves once no call is in flight and the pages have re-rendered. */
  idle(): Promise<void>;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Registers beforeEach/afterEach hooks that give every test a fresh seeded store behind `wx.cloud`. */
export function useBridge(options: BridgeOptions): Bridge {
  let deps: ServerDeps | null = null;
  let now = new Date();
  let openid = options.openid;
  let offline = false;
  let loseAnswer = false;
  let inFlight = 0;
  const storage = new Map<string, unknown>();
  const opened: Array<{ detach(): void }> = [];
  const calls: CallRecord[] = [];
  const nav = {} as Record<Navigate, jest.Mock>;
  let modal: jest.SpyInstance | null = null;

  /** A call may start another after it resolves (e.g. me → getMine): wait for a quiet stretch. */
  async function settle(): Promise<void> {
    for (let quiet = 0; quiet < 3;) {
      await tick();
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  }

  async function callFunction(params: { name: string; data?: unknown }): Promise<{ result: unknown }> {
    inFlight += 1;
    try {
      const router = FUNCTIONS[params.name];
      const event = JSON.parse(JSON.stringify(params.data ?? {})) as {
        action?: unknown;
        data?: unknown;
        requestId?: unknown;
      };
      calls.push({ name: params.name, action: String(event.action), data: event.data, requestId: event.requestId });
      if (offline) throw new Error('cloud.callFunction:fail network');
      if (!router || !deps) throw new Error(`cloud.callFunction:fail function not found: ${params.name}`);
      const envelope = await router.handle(event, { openid }, deps);
      if (loseAnswer) {
        loseAnswer = false;
        throw new Error('cloud.callFunction:fail network');
      }
      return { result: JSON.parse(JSON.stringify(envelope)) as unknown };
    } finally {
      inFlight -= 1;
    }
  }

  beforeEach(async () => {
    now = new Date();
    // Every call's log line joins the suite's capture, so the personal-data scan covers the page tests too.
    deps = createLocalDeps({ log: createConsoleLogger(captureLine) });
    if (options.seed !== false) await seedDemo(deps, now);
    openid = options.openid;
    newLaunch();
    offline = false;
    loseAnswer = false;
    calls.length = 0;
    storage.clear();
    const wx = wxGlobal();
    wx.cloud = { init: jest.fn(), callFunction: jest.fn(callFunction) };
    // Storage as the phone keeps it (simulate's stubs forget everything), serialised like the real one.
    wx.getStorageSync = (key) => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : '');
    wx.setStorageSync = (key, value) => storage.set(key, JSON.parse(JSON.stringify(value)));
    wx.removeStorageSync = (key) => storage.delete(key);
    for (const name of NAVIGATIONS) {
      nav[name] = jest.fn(() => Promise.resolve({ errMsg: `${name}:ok` }));
      wx[name] = nav[name];
    }
    modal = jest.spyOn(wx, 'showModal');
  });

  afterEach(async () => {
    // Leaving the pages runs their unload work (e.g. a pending draft save) against this test's store.
    for (const page of opened.splice(0)) page.detach();
    await settle();
    jest.restoreAllMocks();
    await deps?.store.close();
    deps = null;
  });

  return {
    get deps(): ServerDeps {
      if (!deps) throw new Error('bridge used outside a test');
      return deps;
    },
    get now(): Date {
      return now;
    },
    calls,
    nav,
    get modal(): jest.SpyInstance {
      if (!modal) throw new Error('bridge used outside a test');
      return modal;
    },
    cancelModals() {
      this.modal.mockImplementation((options: { success?: (res: ModalResult) => void }) => {
        options.success?.({ confirm: false, cancel: true });
        return undefined;
      });
    },
    setOpenid(id) {
      openid = id;
      newLaunch();
    },
    setOffline(value) {
      offline = value;
    },
    loseNextAnswer() {
      loseAnswer = true;
    },
    storage,
    opened,
    idle: settle,
  };
}

/* ------------------------------------------------------------ page harness */

export const MINIPROGRAM_ROOT = path.join(__dirname, '../../miniprogram');

const TDESIGN = [
  'button',
  'cell',
  'cell-group',
  'check-tag',
  'checkbox',
  'dialog',
  'empty',
  'icon',
  'input',
  'loading',
  'radio',
  'radio-group',
  'search',
  'switch',
  'tab-panel',
  'tabs',
  'tag',
  'textarea',
  'toast',
];

/**
 * simulate resolves npm-style paths relative to the page: point `t-*` at the packed copy instead, and the
 * subpackage kit (`"chart": "hqn-kit/chart/index"`) at its TypeScript source.
 */
export const TDESIGN_OVERRIDES: Record<string, string> = {
  ...Object.fromEntries(TDESIGN.map((c) => [`t-${c}`, `/miniprogram_npm/tdesign-miniprogram/${c}/${c}`])),
  chart: '/subpackage-kit/chart/index',
};

/** Load a page once per test file (simulate cannot load the same path twice under jest). */
export function loadPage(page: string): string {
  const tag = page
    .replace(/^([^/]+\/)?pages\//, '')
    .replace(/\/index$/, '')
    .replace(/\//g, '-');
  return simulate.load(path.join(MINIPROGRAM_ROOT, page), `${tag}-page`, {
    rootPath: MINIPROGRAM_ROOT,
    usingComponents: TDESIGN_OVERRIDES,
    // wcc compiles every template of the app at once; its output outgrew the compiler's default 1 MB buffer.
    compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
  });
}

/** A rendered page whose data the test reads as `D` (declare only the fields the test looks at). */
export type PageComponent<D = Record<string, unknown>> = SimPage<D>;

/**
 * Render, attach (fires `attached`, where pages load their data) and wait for the calls to settle.
 * With `query`, the page's `onLoad(query)` runs next, as WeChat calls it when a URL opens the page.
 */
export async function openPage<D = Record<string, unknown>>(
  id: string,
  bridge: Bridge,
  query?: Record<string, string>,
): Promise<SimPage<D>> {
  const page = simulate.render(id) as SimPage<D> | undefined;
  if (!page) throw new Error('simulate.render returned nothing: was the page loaded twice in this file?');
  page.attach(document.createElement('parent-wrapper'));
  bridge.opened.push(page);
  if (query) {
    const onLoad = page.instance.onLoad;
    if (typeof onLoad === 'function') onLoad.call(page.instance, query);
  }
  await bridge.idle();
  return page;
}

/** Tap a plain element (a choice, a row) by its path. */
export async function tap(page: SimNode<unknown>, path: string | string[], bridge: Bridge): Promise<void> {
  find(page, path).dispatchEvent('tap');
  await bridge.idle();
}

/** The page's visible text, whitespace collapsed. */
export function textOf(node: { dom?: HTMLElement }): string {
  return (node.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Selectors do not cross component boundaries: a path walks into nested components one selector at a time. */
export function find(root: SimNode<unknown>, path: string | string[]): SimNode {
  let node: SimNode<unknown> = root;
  for (const selector of Array.isArray(path) ? path : [path]) {
    const next = node.querySelector(selector);
    if (!next) throw new Error(`no element ${String(path)}`);
    node = next;
  }
  return node as SimNode;
}

/** TDesign components are virtual hosts: their text lives in the rendered root (e.g. `.t-cell`) inside. */
export function hostText(node: SimNode, inner: string): string {
  return textOf(node.querySelector(inner) ?? node);
}

/** Tap a TDesign button by the class put on its `<t-button>` tag (or a path to it, e.g. inside a dialog). */
export async function tapButton(page: SimNode<unknown>, path: string | string[], bridge: Bridge): Promise<void> {
  const host = find(page, path);
  const inner = host.querySelector('.t-button') ?? host;
  inner.dispatchEvent('tap');
  await bridge.idle();
}

/** Type into a TDesign input by the class put on its `<t-input>` tag. */
export async function typeInto(
  page: SimNode<unknown>,
  path: string | string[],
  value: string,
  bridge: Bridge,
): Promise<void> {
  const host = find(page, path);
  const control = host.querySelector('.t-input__control') ?? host.querySelector('.t-textarea__wrapper-inner') ?? host;
  control.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
  await bridge.idle();
}

/** The data of the TDesign toast the page showed (`#t-toast`). */
export function toastOf(page: SimNode<unknown>): { visible?: boolean; message?: string; theme?: string } {
  const toast = page.querySelector('#t-toast');
  return (toast?.data ?? {}) as { visible?: boolean; message?: string; theme?: string };
}
