/**
 * jsdom `setupFiles` for the page tests: the globals the WeChat runtime gives
 * every page and that TDesign's SuperComponent reads at construction time.
 * miniprogram-simulate installs `wx` itself when a test requires it.
 */
const runtime = globalThis as unknown as { getApp?: unknown; getCurrentPages?: unknown };
const app = { globalData: {} };
runtime.getApp = () => app;
// Pages pass `context: this` to TDesign's Toast, so an empty stack is enough.
runtime.getCurrentPages = () => [];
