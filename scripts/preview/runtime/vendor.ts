/**
 * Typed views of the untyped engine pieces (exparser, j-component, the
 * miniprogram-simulate `wx` mock). j-component's own typings pull in the whole
 * mini-program global namespace, which would clash with the DOM shims here, so
 * the runtime describes just what it uses.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export type Data = Record<string, unknown>;

/** An exparser element (component, native node, virtual node or shadow root). */
export interface ExparserNode {
  $$: HTMLElement | null;
  is?: string;
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
  triggerLifeTime(name: string, args: unknown[]): void;
  triggerPageLifeTime(name: string, args: unknown[]): void;
}

/** `this` inside a component's methods and lifetimes (j-component's method caller). */
export interface ComponentThis {
  data: Data;
  $$: HTMLElement;
  _exparserNode: ExparserNode;
  setData(data: Data, callback?: () => void): void;
  triggerEvent(name: string, detail?: unknown, options?: Data): void;
  selectComponent(selector: string): unknown;
  [method: string]: unknown;
}

export interface ExparserEvent {
  readonly type: string;
}

interface Exparser {
  Component: new () => ExparserNode;
  Element: {
    getMethodCaller(node: ExparserNode): ComponentThis;
    pretendAttached(node: ExparserNode): void;
    pretendDetached(node: ExparserNode): void;
  };
  Event: {
    create(name: string, detail: unknown, options: Data): ExparserEvent;
    dispatchEvent(target: ExparserNode, event: ExparserEvent): void;
  };
  addGlobalErrorListener(listener: (error: unknown, info: { message?: string }) => boolean | void): void;
}

/** A definition as j-component's `register` takes it: the Component() options plus where it came from. */
export interface Definition extends Data {
  id?: string;
  path?: string;
  tagName?: string;
  template?: unknown;
  usingComponents?: Record<string, string>;
  options?: Data;
  methods?: Record<string, unknown>;
  relations?: Record<string, Data>;
}

export interface RootComponent {
  readonly dom: HTMLElement;
  readonly instance: ComponentThis;
}

interface JComponent {
  register(definition: Definition): string;
  behavior(definition: Data): string;
  create(id: string, properties?: Data): RootComponent;
}

export const exparser = require('miniprogram-exparser') as Exparser;
export const jComponent = require('j-component') as JComponent;
/** The wx API mock miniprogram-simulate uses in jest; the preview overrides the parts a person can see. */
export const simulatedWx = require('miniprogram-simulate/src/api') as Data;

/** The node behind a DOM element that exparser rendered. */
export function wxElementOf(target: EventTarget | null): ExparserNode | null {
  for (let el = target instanceof Node ? target : null; el; el = el.parentNode) {
    const node = (el as Node & { __wxElement?: ExparserNode }).__wxElement;
    if (node) return node;
  }
  return null;
}
