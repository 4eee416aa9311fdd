/**
 * The mini-program's global constructors (`Component`, `Page`, `Behavior`,
 * `App`) on top of j-component. A component's JS calls `Component(options)`;
 * the build stamped the module with the graph id it belongs to, which gives
 * the template, tag, class prefix and usingComponents — the same wiring
 * miniprogram-simulate does in jest.
 */
import type { ComponentEntry, ModuleLoader, PreviewManifest } from './manifest';
import { report } from './router';
import { normalizePath } from './url';
import { jComponent, type Data, type Definition } from './vendor';

declare global {
  // Set by the build at the top of each component module (see previewPlugin in build.ts).
  var __pvComponent: string | undefined;
  // The wcc output (templates.js): template path → generator function.
  var __gwx: ((path: string) => unknown) | undefined;
}

export interface AppInstance extends Data {
  globalData?: Data;
}

function isGlobalStyle(options: Data | undefined): boolean {
  return (
    options?.addGlobalClass === true ||
    options?.styleIsolation === 'apply-shared' ||
    options?.styleIsolation === 'shared'
  );
}

export class Registry {
  private readonly entries: Map<string, ComponentEntry>;
  private readonly pathToId: Map<string, string>;
  private readonly registered = new Set<string>();
  private appInstance: AppInstance | null = null;

  constructor(private readonly manifest: PreviewManifest) {
    this.entries = new Map(manifest.components.map((c) => [c.id, c]));
    this.pathToId = new Map(manifest.components.map((c) => [c.path, c.id]));
  }

  get app(): AppInstance {
    return this.appInstance ?? { globalData: {} };
  }

  install(): void {
    const g = globalThis as unknown as Data;
    g.Component = (options: Definition) => this.component(options);
    g.Page = (options: Data) => this.page(options);
    g.Behavior = (definition: Data) => jComponent.behavior(definition);
    g.App = (options: AppInstance) => {
      this.appInstance = options;
    };
    g.getApp = () => this.app;
  }

  /** Runs every component module in graph order (children first); one that fails still renders, without behaviour. */
  loadAll(loaders: Record<string, ModuleLoader>): void {
    for (const entry of this.manifest.components) {
      try {
        loaders[entry.id]?.();
      } catch (e) {
        report(e);
      }
      if (!this.registered.has(entry.id)) this.register(entry, {});
    }
  }

  private component(options: Definition): void {
    const id = globalThis.__pvComponent;
    const entry = id === undefined ? undefined : this.entries.get(id);
    if (!entry || this.registered.has(entry.id)) {
      throw new Error(
        'Component() was called outside a component module known to the preview (see scripts/preview/build.ts)',
      );
    }
    globalThis.__pvComponent = undefined;
    this.register(entry, options);
  }

  private register(entry: ComponentEntry, options: Definition): void {
    const methods = { groupSetData: (cb?: () => void) => cb?.(), ...(options.methods ?? {}) }; // Vant-style batching; exparser lacks it
    jComponent.register({
      ...options,
      id: entry.id,
      path: entry.path,
      template: globalThis.__gwx?.(entry.wxml) ?? '<slot/>',
      usingComponents: entry.using,
      tagName: entry.tagName,
      methods,
      relations: options.relations ? this.relations(entry, options.relations) : undefined,
      options: {
        ...(options.options ?? {}),
        classPrefix: entry.tagName,
        addGlobalClass: entry.addGlobalClass || isGlobalStyle(options.options),
      },
    });
    this.registered.add(entry.id);
  }

  /** Relation keys are paths relative to the component; exparser wants the target's id. */
  private relations(entry: ComponentEntry, relations: Record<string, Data>): Record<string, Data> {
    const out: Record<string, Data> = {};
    for (const [key, value] of Object.entries(relations)) {
      const base = entry.path.split('/').slice(0, -1).join('/');
      const target = `/${normalizePath(key.startsWith('/') ? key : `${base}/${key}`)}`;
      const id = this.pathToId.get(target);
      if (id) out[id] = { ...value, target: id };
      else out[key] = value;
    }
    return out;
  }

  /** `Page(options)`: functions become methods (the router calls onLoad & co.), other fields land on `this`. */
  private page(options: Data): void {
    const methods: Record<string, unknown> = {};
    const fields: Data = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value;
      else if (key !== 'data' && key !== 'options') fields[key] = value;
    }
    this.component({
      data: (options.data as Data | undefined) ?? {},
      methods,
      created(this: Data) {
        Object.assign(this, fields);
      },
    });
  }
}
