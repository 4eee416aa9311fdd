// Globals TDesign expects from the WeChat runtime.
(globalThis as Record<string, unknown>).getApp = () => ({ globalData: {} });
(globalThis as Record<string, unknown>).getCurrentPages = () => [];
