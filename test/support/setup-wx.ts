import { TextDecoder, TextEncoder } from 'node:util';

/**
 * jsdom `setupFiles` for the page tests: the globals the WeChat runtime gives
 * every page and that TDesign's SuperComponent reads at construction time.
 * miniprogram-simulate installs `wx` itself when a test requires it.
 */
const runtime = globalThis as unknown as {
  getApp?: unknown;
  getCurrentPages?: unknown;
  structuredClone?: (value: unknown) => unknown;
};
// The real routers run inside page tests; the export's renderers (server code) need these, which jsdom lacks.
Object.assign(globalThis, { TextEncoder, TextDecoder });

const app = { globalData: {} };
runtime.getApp = () => app;
// Pages pass `context: this` to TDesign's Toast, so an empty stack is enough.
runtime.getCurrentPages = () => [];

/**
 * jsdom has no structuredClone, and Node's would hand back Dates of the outer
 * realm (`instanceof Date` false here), which the embedded store relies on.
 * This one covers what documents hold: plain objects, arrays, Dates, Maps, Sets.
 */
function cloneInRealm(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as Date).getTime());
  if (tag === '[object RegExp]') return new RegExp((value as RegExp).source, (value as RegExp).flags);
  if (ArrayBuffer.isView(value)) return (value as unknown as Uint8Array).slice();
  if (tag === '[object Map]') {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value as Map<unknown, unknown>) out.set(cloneInRealm(k, seen), cloneInRealm(v, seen));
    return out;
  }
  if (tag === '[object Set]') {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value as Set<unknown>) out.add(cloneInRealm(v, seen));
    return out;
  }
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  seen.set(value, out);
  for (const key of Object.keys(value)) {
    (out as Record<string, unknown>)[key] = cloneInRealm((value as Record<string, unknown>)[key], seen);
  }
  return out;
}

if (typeof runtime.structuredClone !== 'function') {
  runtime.structuredClone = (value: unknown) => cloneInRealm(value, new Map());
}
