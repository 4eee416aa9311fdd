/**
 * What the preview build hands to the browser runtime: the component graph
 * (post-order, so dependencies register first) and the pages. Plain JSON, so
 * the build can inline it into the bundle.
 */

/** The `window` options of app.json / a page's json that the preview honours. */
export interface WindowConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'black' | 'white';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
}

export interface ComponentEntry {
  /** exparser component name; also the key of the JS loader. */
  id: string;
  /** Root-relative path without extension, e.g. `/pages/home/index`; relations are resolved against it. */
  path: string;
  /** Tag (and class prefix) under which the component is first used. */
  tagName: string;
  /** The key of the precompiled template for `__gwx`, e.g. `pages/home/index.wxml`. */
  wxml: string;
  /** Tag → component id, from usingComponents. */
  using: Record<string, string>;
  /** Whether app.wxss reaches into it (pages, and `styleIsolation: apply-shared|shared`). */
  addGlobalClass: boolean;
}

export interface PageEntry {
  /** `pages/home/index` as in app.json. */
  route: string;
  id: string;
  window: WindowConfig;
}

/** app.json `tabBar`: the pages shown as tabs, with their text labels. */
export interface TabBarConfig {
  list: Array<{ pagePath: string; text: string }>;
}

export interface PreviewManifest {
  components: ComponentEntry[];
  pages: PageEntry[];
  /** app.json `window`, the defaults for every page. */
  window: WindowConfig;
  /** Routes listed in app.json but not built (missing files); navigating there shows a notice. */
  missing: string[];
  tabBar?: TabBarConfig;
}

/** Lazily evaluates a component's (or the app's) JS module; the bundle generates one per entry. */
export type ModuleLoader = () => unknown;
