/// <reference types="miniprogram-api-typings" />

interface IAppOption {
  globalData: Record<string, unknown>;
}

/** uCharts (@qiun/ucharts) ships no types: the constructor draws at once from its options. */
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(options: Record<string, unknown> & { context: unknown });
  }
}
