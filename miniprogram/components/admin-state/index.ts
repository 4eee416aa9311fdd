/**
 * Loading, error (with 重新加载) and empty states around a page's content,
 * which goes in the slot and shows only when none of them applies.
 */
Component({
  properties: {
    loading: { type: Boolean, value: false },
    loadingText: { type: String, value: '加载中…' },
    error: { type: String, value: '' },
    empty: { type: Boolean, value: false },
    emptyText: { type: String, value: '暂无数据' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
