/**
 * The state of every page (or part of one) that loads: loading, error with
 * 重新加载, or empty; the content goes in the slot and shows only when none of
 * them applies. Emits `retry`. `retryable` false hides the button where a
 * retry cannot help (a page opened without the record's id).
 */
Component({
  // `error` and `empty` slots hold what a state offers besides 重新加载 (e.g. 绑定所在单位).
  options: { multipleSlots: true },
  properties: {
    loading: { type: Boolean, value: false },
    loadingText: { type: String, value: '加载中…' },
    error: { type: String, value: '' },
    retryable: { type: Boolean, value: true },
    empty: { type: Boolean, value: false },
    emptyText: { type: String, value: '暂无数据' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
