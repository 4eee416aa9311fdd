/**
 * `wx` for the preview: miniprogram-simulate's mock for the long tail, with
 * real behaviour where a person would notice — navigation, toast and modal,
 * storage in localStorage (keys verbatim, so the shell can read the persona),
 * `wx.request` over fetch, and a 375×740 phone for layout queries.
 */
import { wxAsync, WxFailure } from './callbacks';
import type { Router } from './router';
import { canvases } from './natives';
import { hideToast, showActionSheet, showLoading, showModal, showToast } from './ui';
import { simulatedWx, type Data } from './vendor';

export const API_EVENT = 'pv:api';

const PHONE = { width: 375, height: 740, statusBar: 24, navBar: 44 };
const SAFE_AREA = {
  left: 0,
  right: PHONE.width,
  top: PHONE.statusBar,
  bottom: PHONE.height,
  width: PHONE.width,
  height: PHONE.height - PHONE.statusBar,
};

function windowInfo(): Data {
  return {
    pixelRatio: 2,
    screenWidth: PHONE.width,
    screenHeight: PHONE.height,
    windowWidth: PHONE.width,
    windowHeight: PHONE.height - PHONE.statusBar - PHONE.navBar,
    statusBarHeight: PHONE.statusBar,
    safeArea: SAFE_AREA,
    screenTop: PHONE.statusBar + PHONE.navBar,
  };
}

/** The preview's text-size switch stores WeChat's 字体大小 here (px, 17 = 标准). */
export const FONT_SIZE_KEY = 'hqn.preview.fontSizeSetting';

function fontSizeSetting(): number {
  const stored = Number(localStorage.getItem(FONT_SIZE_KEY));
  return Number.isFinite(stored) && stored > 0 ? stored : 17;
}

function systemInfo(): Data {
  const base = (simulatedWx.getSystemInfoSync as () => Data)();
  return {
    ...base,
    ...windowInfo(),
    model: 'iPhone (preview)',
    platform: 'devtools',
    fontSizeSetting: fontSizeSetting(),
  };
}

function appBaseInfo(): Data {
  return { SDKVersion: '3.0.0', language: 'zh_CN', theme: 'light', fontSizeSetting: fontSizeSetting() };
}

// ---------------------------------------------------------------- storage

/** Values are stored as JSON so numbers and objects round-trip; a hand-written plain string still reads back. */
export function getStorage(key: string): unknown {
  const raw = localStorage.getItem(key);
  if (raw === null) return '';
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function setStorage(key: string, value: unknown): void {
  localStorage.setItem(key, JSON.stringify(value));
}

// ---------------------------------------------------------------- request

interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  dataType?: string;
  success?: (res: { data: unknown; statusCode: number; header: Record<string, string>; errMsg: string }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: { errMsg: string }) => void;
}

function withQuery(url: string, data: unknown): string {
  if (data === null || typeof data !== 'object') return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(data as Data)) params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  const qs = params.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

function parseBody(text: string, dataType: string | undefined): unknown {
  if (dataType !== undefined && dataType !== 'json') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function doFetch(
  o: RequestOptions,
  signal: AbortSignal,
): Promise<{ data: unknown; statusCode: number; header: Record<string, string> }> {
  const method = (o.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.header ?? {}) };
  const isGet = method === 'GET' || method === 'HEAD';
  const body = isGet || o.data === undefined ? undefined : typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
  const res = await fetch(isGet ? withQuery(o.url, o.data) : o.url, { method, headers, body, signal });
  const header: Record<string, string> = {};
  res.headers.forEach((v, k) => (header[k] = v));
  return { data: parseBody(await res.text(), o.dataType), statusCode: res.status, header };
}

/** wx.request has no Promise form, only callbacks and a task. */
function request(o: RequestOptions): { abort(): void; onHeadersReceived(): void; offHeadersReceived(): void } {
  const controller = new AbortController();
  doFetch(o, controller.signal)
    .then(
      (res) => {
        const r = { ...res, errMsg: 'request:ok' };
        o.success?.(r);
        o.complete?.(r);
      },
      (e: unknown) => {
        const err = { errMsg: `request:fail ${e instanceof Error ? e.message : String(e)}` };
        o.fail?.(err);
        o.complete?.(err);
      },
    )
    .finally(() => window.dispatchEvent(new CustomEvent(API_EVENT, { detail: { url: o.url } })));
  return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} };
}

// ---------------------------------------------------------------- media

/**
 * A real file picker for wx.chooseMedia and wx.chooseMessageFile; cancelling
 * fails as WeChat does. At most `count` files come back, in the order picked.
 */
function pickFiles(api: string, accept: string, count: number): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = count > 1;
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, count);
      if (files.length > 0) resolve(files);
      else reject(new WxFailure(`${api}:fail cancel`));
    });
    input.addEventListener('cancel', () => reject(new WxFailure(`${api}:fail cancel`)));
    input.click();
  });
}

interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
}

/** wx.uploadFile: the dev server's file store takes the raw bytes with their content type. */
async function uploadFile(o: UploadOptions): Promise<{ data: string; statusCode: number }> {
  const blob = await (await fetch(o.filePath)).blob();
  const res = await fetch(o.url, {
    method: 'POST',
    headers: { ...(o.header ?? {}), 'content-type': blob.type || 'application/octet-stream' },
    body: blob,
  });
  return { data: await res.text(), statusCode: res.status };
}

/** wx.downloadFile: the signed link fetched, its bytes kept behind a blob: temp path. */
async function downloadFile(o: {
  url: string;
  header?: Record<string, string>;
}): Promise<{ statusCode: number; tempFilePath: string }> {
  const res = await fetch(o.url, { headers: o.header ?? {} });
  if (!res.ok) return { statusCode: res.status, tempFilePath: '' };
  return { statusCode: 200, tempFilePath: URL.createObjectURL(await res.blob()) };
}

/** The phone's document viewer and image preview: a new browser tab. */
function openTab(path: string): Record<string, never> {
  window.open(path, '_blank', 'noopener');
  return {};
}

/** wx.shareFileMessage (sending a file on under its name, the phone's way of saving it): the browser's download. */
function saveAs(o: { filePath: string; fileName?: string }): Record<string, never> {
  const a = document.createElement('a');
  a.href = o.filePath;
  a.download = o.fileName ?? '';
  document.body.append(a);
  a.click();
  a.remove();
  return {};
}

/** The temp paths are blob: URLs, as opaque as WeChat's wxfile:// (uploadFile and fetch read them). */
function mediaApis(): Data {
  return {
    chooseMedia: wxAsync('chooseMedia', async (o: { count?: number }) => {
      // WeChat's default and its ceiling for images is 9.
      const files = await pickFiles('chooseMedia', 'image/jpeg,image/png', Math.min(o.count ?? 9, 9));
      return {
        type: 'image',
        tempFiles: files.map((f) => ({ tempFilePath: URL.createObjectURL(f), size: f.size, fileType: 'image' })),
      };
    }),
    chooseMessageFile: wxAsync('chooseMessageFile', async (o: { count?: number; extension?: string[] }) => {
      const accept = (o.extension ?? []).map((ext) => `.${ext.replace(/^\./, '')}`).join(',');
      const files = await pickFiles('chooseMessageFile', accept, o.count ?? 1);
      return {
        tempFiles: files.map((f) => ({
          path: URL.createObjectURL(f),
          size: f.size,
          name: f.name,
          type: 'file',
          time: Math.floor(f.lastModified / 1000),
        })),
      };
    }),
    uploadFile: wxAsync('uploadFile', uploadFile),
    downloadFile: wxAsync('downloadFile', downloadFile),
    openDocument: wxAsync('openDocument', async (o: { filePath: string }) => openTab(o.filePath)),
    previewImage: wxAsync('previewImage', async (o: { urls: string[] }) => openTab(o.urls[0] ?? '')),
    shareFileMessage: wxAsync('shareFileMessage', async (o: { filePath: string; fileName?: string }) => saveAs(o)),
  };
}

/**
 * wx.createSelectorQuery: j-component's query, except that selecting a `<canvas type="2d">` by id answers the
 * canvas element itself as its node (what `fields({ node: true, size: true })` gives on the phone).
 */
function canvasApis(): Data {
  const base = simulatedWx.createSelectorQuery as () => { in(owner: unknown): Data };
  const canvasRef = (el: HTMLCanvasElement) => ({
    fields: () => ({
      exec: (cb?: (res: unknown[]) => void) => cb?.([{ node: el, width: el.clientWidth, height: el.clientHeight }]),
    }),
  });
  return {
    createSelectorQuery: () => {
      let inner: Data | null = null;
      const query: Data = {
        in: (owner: unknown) => ((inner = base().in(owner)), query),
        select: (selector: string) => {
          const el = selector.startsWith('#') ? canvases.get(selector.slice(1)) : undefined;
          if (el) return canvasRef(el);
          return (inner?.select as ((s: string) => unknown) | undefined)?.(selector);
        },
      };
      return query;
    },
    canvasToTempFilePath: wxAsync('canvasToTempFilePath', async (o: { canvas: HTMLCanvasElement }) => {
      const blob = await new Promise<Blob | null>((resolve) => o.canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new WxFailure('canvasToTempFilePath:fail');
      return { tempFilePath: URL.createObjectURL(blob) };
    }),
  };
}

// ---------------------------------------------------------------- assembly

function storageApis(): Data {
  return {
    getStorageSync: (key: string) => getStorage(key),
    setStorageSync: (key: string, data: unknown) => setStorage(key, data),
    removeStorageSync: (key: string) => localStorage.removeItem(key),
    clearStorageSync: () => localStorage.clear(),
    getStorage: wxAsync('getStorage', async (o: { key: string }) => {
      if (localStorage.getItem(o.key) === null) throw new WxFailure('getStorage:fail data not found');
      return { data: getStorage(o.key) };
    }),
    setStorage: wxAsync('setStorage', async (o: { key: string; data: unknown }) => (setStorage(o.key, o.data), {})),
    removeStorage: wxAsync('removeStorage', async (o: { key: string }) => (localStorage.removeItem(o.key), {})),
    getStorageInfoSync: () => ({ keys: Object.keys(localStorage), currentSize: 0, limitSize: 10240 }),
  };
}

function navigationApis(router: Router): Data {
  return {
    navigateTo: wxAsync('navigateTo', (o: { url: string }) => router.navigateTo(o.url)),
    redirectTo: wxAsync('redirectTo', (o: { url: string }) => router.redirectTo(o.url)),
    reLaunch: wxAsync('reLaunch', (o: { url: string }) => router.reLaunch(o.url)),
    // A tab switch closes the stack and opens the tab page, as reLaunch does (the preview keeps no tab stacks).
    switchTab: wxAsync('switchTab', (o: { url: string }) => router.switchTab(o.url)),
    navigateBack: wxAsync('navigateBack', (o: { delta?: number }) => router.navigateBack(o.delta ?? 1)),
    setNavigationBarTitle: wxAsync('setNavigationBarTitle', (o: { title: string }) => router.setTitle(o.title)),
    pageScrollTo: wxAsync('pageScrollTo', (o: { scrollTop?: number }) => router.scrollTo(o.scrollTop ?? 0)),
  };
}

function uiApis(): Data {
  return {
    showToast: wxAsync('showToast', showToast),
    hideToast: wxAsync('hideToast', hideToast),
    showLoading: wxAsync('showLoading', showLoading),
    hideLoading: wxAsync('hideLoading', hideToast),
    showModal: wxAsync('showModal', showModal),
    showActionSheet: wxAsync('showActionSheet', showActionSheet),
    // WeChat's one-time subscription dialog: 允许 accepts every template asked, 取消 rejects them.
    requestSubscribeMessage: wxAsync('requestSubscribeMessage', async (o: { tmplIds: string[] }) => {
      const r = await showModal({
        title: '订阅消息',
        content: `允许“好青年选培”发送 ${o.tmplIds.length} 类消息（每类一次）`,
        confirmText: '允许',
        cancelText: '取消',
      });
      const answer = r.confirm ? 'accept' : 'reject';
      return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, answer])) };
    }),
  };
}

function deviceApis(): Data {
  return {
    getWindowInfo: windowInfo,
    getSystemInfoSync: systemInfo,
    getAppBaseInfo: appBaseInfo,
    getSystemInfo: wxAsync('getSystemInfo', async () => systemInfo()),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: PHONE.statusBar + 6,
      bottom: PHONE.statusBar + 38,
      left: 281,
      right: 368,
    }),
    login: wxAsync('login', async () => ({ code: 'preview' })),
    vibrateShort: wxAsync('vibrateShort', async () => ({})),
    hideKeyboard: wxAsync('hideKeyboard', async () => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      return {};
    }),
    setClipboardData: wxAsync('setClipboardData', async (o: { data: string }) => {
      await navigator.clipboard?.writeText(o.data).catch(() => undefined);
      return {};
    }),
  };
}

export function createWx(router: Router): Data {
  const wx: Data = {
    ...simulatedWx,
    ...storageApis(),
    ...navigationApis(router),
    ...uiApis(),
    ...deviceApis(),
    ...mediaApis(),
    ...canvasApis(),
    request,
  };
  // Local mode talks HTTP to the dev server; nothing may reach for the cloud SDK by accident.
  delete wx.cloud;
  return wx;
}
