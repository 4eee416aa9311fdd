/**
 * The browser preview build: every page listed in app.json, main package and
 * subpackages alike (one bundle; the graph refuses a component from another
 * subpackage, as a phone would), rendered in Chromium by j-component from templates precompiled with the official `wcc`
 * (the same compiler the jest page tests use), wxss prefixed per component the
 * way exparser isolates classes, and the components' own JS bundled by esbuild.
 * See shared/research/browser-preview.md for why this shape and not the pure-JS
 * template compiler.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import postcss, { type Root } from 'postcss';
import type { ComponentEntry, PageEntry, PreviewManifest, WindowConfig } from './runtime/manifest';
import { shellHtml, SHELL_CSS } from './shell';
import { appRoutes, mayReference, readAppJson, resolveSpec, type AppJson } from '../mp-packages';

const REPO = join(__dirname, '../..');
const RUNTIME_DIR = join(__dirname, 'runtime');
const ICON_FONT = require.resolve('tdesign-icons-web-components/esm/iconfont/t.woff');
/** The phone is 375 px wide and WeChat's design width is 750 rpx. */
const PX_PER_RPX = 0.5;
/** Their mini-program copies are pruned bundles made by the main build; the preview takes the full package so it works on its own. */
const FROM_NODE_MODULES = new Set(['zod']);

export interface PreviewOptions {
  /** The mini-program root (app.json's folder); defaults to `<repo>/miniprogram`. */
  appRoot?: string;
}

interface ComponentJson extends WindowConfig {
  usingComponents?: Record<string, string>;
  styleIsolation?: string;
}

interface GraphNode extends ComponentEntry {
  /** Absolute path without extension. */
  file: string;
  json: ComponentJson;
}

interface Graph {
  nodes: GraphNode[];
  pages: PageEntry[];
  missing: string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** A component spec resolved like the mini-program does (shared with the icon and subpackage build steps). */
export const resolveComponent = resolveSpec;

/** `pages/home/index` → `page-home`; a subpackage's `package-admin/pages/admin/roster/index` → `page-admin-roster`. */
function pageTag(route: string): string {
  const slug = route
    .replace(/^([^/]+\/)?pages\//, '')
    .replace(/\/index$/, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .toLowerCase();
  return `page-${slug}`;
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  private readonly byFile = new Map<string, GraphNode>();
  private readonly tags = new Map<string, string>();
  private nextId = 0;

  constructor(
    private readonly appRoot: string,
    private readonly app: AppJson,
  ) {}

  /** Depth-first; a node is pushed after its children so their JS registers first. */
  visit(file: string, tagName: string, isPage: boolean): GraphNode {
    const known = this.byFile.get(file);
    if (known) return known;
    const json = readJson<ComponentJson>(`${file}.json`);
    const node: GraphNode = {
      id: `c${this.nextId++}`,
      file,
      json,
      path: `/${toPosix(relative(this.appRoot, file))}`,
      tagName: this.uniqueTag(tagName, file),
      wxml: `${toPosix(relative(this.appRoot, file))}.wxml`,
      using: {},
      addGlobalClass: isPage || json.styleIsolation === 'apply-shared' || json.styleIsolation === 'shared',
    };
    this.byFile.set(file, node);
    // app.json's usingComponents are global in WeChat; the pages are where ours would be used.
    const specs = { ...(isPage ? (this.app.usingComponents ?? {}) : {}), ...(json.usingComponents ?? {}) };
    for (const [tag, spec] of Object.entries(specs)) {
      const target = resolveComponent(this.appRoot, file, spec);
      if (target === null) {
        console.warn(`[preview] ${node.path}: component "${tag}" → "${spec}" not found; it will render empty`);
        continue;
      }
      this.checkPackages(file, target, tag);
      node.using[tag] = this.visit(target, tag, false).id;
    }
    this.nodes.push(node);
    return node;
  }

  /** The preview bundles every package together; refuse what a phone could not load (another subpackage's component). */
  private checkPackages(file: string, target: string, tag: string): void {
    const from = toPosix(relative(this.appRoot, file));
    const to = toPosix(relative(this.appRoot, target));
    if (!mayReference(this.app, from, to)) {
      throw new Error(`${from} uses <${tag}> from ${to}, which is in another package: move it to the main package`);
    }
  }

  /** Tags double as class prefixes, so two different components must not share one. */
  private uniqueTag(tag: string, file: string): string {
    let candidate = tag;
    for (let n = 2; this.tags.has(candidate) && this.tags.get(candidate) !== file; n++) candidate = `${tag}-${n}`;
    this.tags.set(candidate, file);
    return candidate;
  }
}

const WINDOW_KEYS = [
  'navigationBarTitleText',
  'navigationBarBackgroundColor',
  'navigationBarTextStyle',
  'navigationStyle',
  'backgroundColor',
] as const;

/** The window options a page's json may override (app.json `window` supplies the rest). */
function pickWindow(json: ComponentJson): WindowConfig {
  const out: Record<string, string> = {};
  for (const key of WINDOW_KEYS) if (typeof json[key] === 'string') out[key] = json[key] as string;
  return out as WindowConfig;
}

export function buildGraph(appRoot: string, app: AppJson): Graph {
  const builder = new GraphBuilder(appRoot, app);
  const pages: PageEntry[] = [];
  const missing: string[] = [];
  for (const route of appRoutes(app)) {
    const file = join(appRoot, route);
    if (!['.json', '.wxml'].every((ext) => existsSync(`${file}${ext}`))) {
      console.warn(`[preview] page ${route} is listed in app.json but has no .json/.wxml yet; skipped`);
      missing.push(route);
      continue;
    }
    const node = builder.visit(file, pageTag(route), true);
    pages.push({ route, id: node.id, window: pickWindow(node.json) });
  }
  return { nodes: builder.nodes, pages, missing };
}

// ---------------------------------------------------------------- templates

const IMPORT_RE = /<(?:import|include)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g;
const WXS_SRC_RE = /<wxs\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g;
const WXS_REQUIRE_RE = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

function resolveAsset(appRoot: string, fromFile: string, src: string, ext: string): string {
  const base = src.startsWith('/') ? join(appRoot, src) : join(dirname(fromFile), src);
  return base.endsWith(ext) ? base : `${base}${ext}`;
}

/** The graph's templates plus everything they import/include, and the wxs modules they (transitively) use. */
export function collectTemplateFiles(appRoot: string, nodes: GraphNode[]): { wxml: string[]; wxs: string[] } {
  const wxml = new Set<string>();
  const wxs = new Set<string>();
  const queue = nodes.map((n) => `${n.file}.wxml`).filter((f) => existsSync(f));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (wxml.has(file)) continue;
    wxml.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) queue.push(resolveAsset(appRoot, file, m[1], '.wxml'));
    for (const m of text.matchAll(WXS_SRC_RE)) collectWxs(appRoot, resolveAsset(appRoot, file, m[1], '.wxs'), wxs);
  }
  const rel = (f: string): string => toPosix(relative(appRoot, f));
  return { wxml: [...wxml].filter((f) => existsSync(f)).map(rel), wxs: [...wxs].map(rel).sort() };
}

function collectWxs(appRoot: string, file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(WXS_REQUIRE_RE)) {
    collectWxs(appRoot, resolveAsset(appRoot, file, m[1], '.wxs'), seen);
  }
}

function compileTemplates(appRoot: string, files: { wxml: string[]; wxs: string[] }): string {
  // Loaded lazily: it shells out to the native wcc binary, which only this step needs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as {
    wxmlToJs(root: string, o: { wxmlList: string[]; wxsList: string[]; maxBuffer: number }): string;
  };
  const code = compiler.wxmlToJs(appRoot, { wxmlList: files.wxml, wxsList: files.wxs, maxBuffer: 64 * 1024 * 1024 });
  // wcc emits sloppy-mode code that reads globals such as __webview_engine_version__; keep it a classic script.
  return [
    '/* GENERATED by scripts/preview/build.ts (wcc) — do not edit. */',
    'window.__webview_engine_version__ = 0.02;',
    `window.__gwx = (function () {${code}\n})();`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- styles

const WXSS_IMPORT_RE = /@import\s+(?:"([^"]+)"|'([^']+)')\s*;/g;

/** A wxss file with its `@import`s inlined (each file once per component, as WeChat does). */
export function readWxss(appRoot: string, file: string, seen = new Set<string>()): string {
  if (seen.has(file) || !existsSync(file)) return '';
  seen.add(file);
  return readFileSync(file, 'utf8').replace(WXSS_IMPORT_RE, (_all, dq?: string, sq?: string) =>
    readWxss(appRoot, resolveAsset(appRoot, file, dq ?? sq ?? '', '.wxss'), seen),
  );
}

/** `.x` → `.<prefix>--x`, the class isolation exparser applies; same rule as miniprogram-simulate's addClassPrefix. */
export function prefixSelector(selector: string, prefix: string): string {
  return selector.replace(/(.)?\.([-_a-zA-Z0-9]+)/gs, (all: string, before: string | undefined, name: string) =>
    /\d/.test(before ?? '') ? all : `${before ?? ''}.${prefix}--${name}`,
  );
}

export function rpxToPx(css: string): string {
  return css.replace(/(\d*\.?\d+)rpx\b/g, (_all, n: string) => `${Number((Number(n) * PX_PER_RPX).toFixed(3))}px`);
}

/** `page` is the page's root in WeChat; in the preview each page lives in a `.wx-page` box. */
function mapPageSelector(selector: string): string {
  return selector.replace(/(^|[\s,>+~(])page(?![-\w])/g, '$1.wx-page');
}

/**
 * TDesign's stacks name only phone fonts (and "Arial Regular", not a real name), so a desktop falls back to
 * its default serif; append the generic family WeChat's own system fallback stands for. The icon font is left alone.
 */
export function withGenericFamily(value: string): string {
  const v = value.trim();
  if (
    /(^|,)\s*(sans-serif|serif|monospace|inherit|initial|unset)\s*(!important)?$/i.test(v) ||
    /^t(\s*!important)?$/.test(v)
  ) {
    return value;
  }
  const important = /!important$/.test(v);
  return `${v.replace(/\s*!important$/, '')},sans-serif${important ? ' !important' : ''}`;
}

function transformCss(css: string, prefix: string | null, hostTag: string | null): string {
  const root: Root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as { name: string }).name)) return;
    rule.selectors = rule.selectors.map((s) => {
      let out = mapPageSelector(s);
      if (hostTag) out = out.replace(/:host/g, hostTag);
      return prefix ? prefixSelector(out, prefix) : out;
    });
  });
  root.walkDecls(/^(font-family|--td-font-family)$/, (decl) => {
    decl.value = withGenericFamily(decl.value);
  });
  // TDesign's icon.wxss loads its font from a CDN; the preview must work offline.
  root.walkAtRules('font-face', (at) => {
    at.walkDecls('src', (decl) => {
      if (/tdesign/.test(decl.value)) decl.value = "url('t.woff') format('woff')";
    });
  });
  return rpxToPx(root.toString());
}

const BASE_CSS = `/* Native tags render as <wx-*> elements (exparser); give them WeChat's built-in styles (TDesign builds on them,
   e.g. outline buttons colour the native button's ::after hairline). */
page-root,wx-view,wx-scroll-view,wx-swiper,wx-swiper-item,wx-form,wx-navigator,wx-rich-text{display:block}
wx-scroll-view{width:100%;overflow:auto;scrollbar-width:none}
wx-text,wx-label{display:inline}
wx-image{display:inline-block;overflow:hidden;width:320px;height:240px}
wx-image>img{display:block;width:100%;height:100%}
wx-button{position:relative;display:block;margin-left:auto;margin-right:auto;padding-left:14px;padding-right:14px;box-sizing:border-box;font-size:18px;text-align:center;text-decoration:none;line-height:2.55555556;border-radius:5px;overflow:hidden;color:#000;background-color:#f8f8f8;cursor:pointer;-webkit-tap-highlight-color:transparent}
wx-button::after{content:" ";width:200%;height:200%;position:absolute;top:0;left:0;border:1px solid rgba(0,0,0,.2);transform:scale(.5);transform-origin:0 0;box-sizing:border-box;border-radius:10px;pointer-events:none}
wx-input,wx-textarea{display:block}
wx-input>input,wx-textarea>textarea{display:block;box-sizing:border-box;width:100%;margin:0;padding:0;border:0;outline:0;background:transparent;font:inherit;color:inherit;text-align:inherit;line-height:inherit}
wx-input>input{height:1.4em;min-height:1.4em}
wx-textarea>textarea{resize:none;min-height:4.2em}
input::placeholder,textarea::placeholder{color:rgba(0,0,0,.35)}
`;

/** TDesign's own value ends in "Arial Regular", not a real font; this goes last to beat the theme. */
const FONT_CSS = `:root,.wx-page{--td-font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",Arial,sans-serif}
`;

export function buildStyles(appRoot: string, nodes: GraphNode[]): string {
  const parts = [BASE_CSS, '/* app.wxss */', transformCss(readWxss(appRoot, join(appRoot, 'app.wxss')), null, null)];
  for (const node of nodes) {
    const css = readWxss(appRoot, `${node.file}.wxss`);
    if (css.trim() === '') continue;
    parts.push(`/* ${node.path} <${node.tagName}> */`, transformCss(css, node.tagName, node.tagName));
  }
  parts.push(FONT_CSS, SHELL_CSS);
  return parts.join('\n');
}

// ---------------------------------------------------------------- JavaScript

function jsFile(file: string): string | null {
  for (const ext of ['.ts', '.js']) if (existsSync(`${file}${ext}`)) return `${file}${ext}`;
  return null;
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function findInMiniprogramNpm(fromDir: string, spec: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const base = join(dir, 'miniprogram_npm', spec);
    for (const candidate of [`${base}.js`, `${base}.ts`, join(base, 'index.js')]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dir === dirname(dir)) return null;
  }
}

/** The patches j-component needs in a browser; each must apply, so an upgrade that moves the code fails loudly. */
const PATCHES: Array<{ file: RegExp; from: string; to: string; why: string }> = [
  {
    file: /j-component[\\/]src[\\/]tool[\\/]utils\.js$/,
    from: "style.replace(/(\\d+)rpx/ig, '$1px')",
    to: `style.replace(/(\\d*\\.?\\d+)rpx/ig, function (_m, n) { return (Number(n) * ${PX_PER_RPX}) + 'px' })`,
    why: 'inline-style rpx at the phone scale (j-component maps 1 rpx to 1 px)',
  },
  {
    file: /j-component[\\/]src[\\/]componentmanager\.js$/,
    from: 'addGlobalClass: false,',
    to: 'addGlobalClass: !!options.addGlobalClass,',
    why: 'pages and apply-shared components see app.wxss, as in WeChat',
  },
  {
    file: /j-component[\\/]src[\\/]tool[\\/]selectorquery\.js$/,
    from: 'if (fields.context) {',
    to: "if (fields.node) itemRes.node = (node.$$ && node.$$.querySelector('canvas')) || null\n            if (fields.context) {",
    why: 'fields({ node: true }) answers a <canvas type="2d">\'s node (the real canvas of natives.ts)',
  },
];

function previewPlugin(componentIds: Map<string, string>): Plugin {
  return {
    name: 'mini-program-preview',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || FROM_NODE_MODULES.has(packageName(args.path))) return undefined;
        const found = findInMiniprogramNpm(args.resolveDir, args.path);
        return found ? { path: found } : undefined;
      });
      for (const patch of PATCHES) {
        b.onLoad({ filter: patch.file }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          if (!text.includes(patch.from))
            throw new Error(`preview patch no longer applies (${patch.why}): ${args.path}`);
          return { contents: text.replace(patch.from, () => patch.to), loader: 'js' };
        });
      }
      // Each component module names itself before its body runs, so `Component()` registers the right
      // definition whatever order modules are first imported in (a page may import a TDesign module directly).
      b.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
        const id = componentIds.get(args.path);
        if (id === undefined) return undefined;
        const text = readFileSync(args.path, 'utf8');
        return {
          contents: `globalThis.__pvComponent = ${JSON.stringify(id)};\n${text}`,
          loader: args.path.endsWith('.ts') ? 'ts' : 'js',
        };
      });
    },
  };
}

/** A require() of `file` from the runtime folder; relative, so the output does not embed the checkout's location. */
function requireFromRuntime(file: string): string {
  return `require(${JSON.stringify(toPosix(relative(RUNTIME_DIR, file)))})`;
}

function entrySource(manifest: PreviewManifest, nodes: GraphNode[], appJs: string | null): string {
  const loaders = nodes
    .map((n) => [n.id, jsFile(n.file)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([id, file]) => `  ${JSON.stringify(id)}: () => ${requireFromRuntime(file)},`);
  return [
    "import { boot } from './index';",
    `const manifest = ${JSON.stringify(manifest)};`,
    `const loaders = {\n${loaders.join('\n')}\n};`,
    `boot(manifest, loaders, ${appJs ? `() => ${requireFromRuntime(appJs)}` : 'null'});`,
  ].join('\n');
}

async function bundleJs(
  appRoot: string,
  manifest: PreviewManifest,
  nodes: GraphNode[],
  outFile: string,
): Promise<void> {
  const componentIds = new Map<string, string>();
  for (const n of nodes) {
    const file = jsFile(n.file);
    if (file === null) console.warn(`[preview] ${n.path} has no .ts/.js; it renders without behaviour`);
    else componentIds.set(realpathSync(file), n.id);
  }
  await build({
    stdin: {
      contents: entrySource(manifest, nodes, jsFile(join(appRoot, 'app'))),
      resolveDir: RUNTIME_DIR,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    define: { global: 'window', 'process.env.NODE_ENV': '"production"' },
    plugins: [previewPlugin(componentIds)],
    minify: true,
    sourcemap: 'linked',
    sourceRoot: '',
    legalComments: 'none',
    banner: { js: '/* GENERATED by scripts/preview/build.ts — do not edit. */' },
    outfile: outFile,
    absWorkingDir: REPO,
    logLevel: 'warning',
  });
}

// ---------------------------------------------------------------- entry

export async function buildPreview(outDir: string, options: PreviewOptions = {}): Promise<void> {
  const appRoot = resolve(options.appRoot ?? join(REPO, 'miniprogram'));
  const app = readAppJson(appRoot);
  const graph = buildGraph(appRoot, app);
  const manifest: PreviewManifest = {
    components: graph.nodes.map(({ id, path, tagName, wxml, using, addGlobalClass }) => ({
      id,
      path,
      tagName,
      wxml,
      using,
      addGlobalClass,
    })),
    pages: graph.pages,
    window: app.window ?? {},
    missing: graph.missing,
    ...(app.tabBar ? { tabBar: { list: app.tabBar.list.map(({ pagePath, text }) => ({ pagePath, text })) } } : {}),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'templates.js'), compileTemplates(appRoot, collectTemplateFiles(appRoot, graph.nodes)));
  writeFileSync(join(outDir, 'styles.css'), buildStyles(appRoot, graph.nodes));
  writeFileSync(join(outDir, 'index.html'), shellHtml());
  copyFileSync(ICON_FONT, join(outDir, 't.woff'));
  await bundleJs(appRoot, manifest, graph.nodes, join(outDir, 'app.js'));
}

/** `tsx scripts/preview/build.ts [outDir] [appRoot]`: rebuild the preview alone. */
if (require.main === module) {
  const started = Date.now();
  const outDir = resolve(process.argv[2] ?? join(REPO, '.preview'));
  buildPreview(outDir, { appRoot: process.argv[3] }).then(
    () => console.log(`preview built in ${Date.now() - started} ms → ${outDir}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
