/**
 * The paged list every list page shares (20 a page, infinite scroll): the
 * first page resets the list, later pages append only their own rows to the
 * view layer (`items[20]`…), and an answer to a query that has since been
 * replaced (a new search, filter or tab) is dropped. Pull-to-refresh, reach
 * bottom, 加载更多, 重新加载 and a debounced name search (`t-search` bound to
 * `onKeyword*`) come with it. A page makes its own with `pagedList({ fetch, row })`
 * and calls `loadFirst()` when its query is ready.
 */
import type { Paged } from '../core/contracts/common';
import type { CallResult } from '../services/cloud';
import { cancelDebounce, debounce, isCurrent, nextGeneration } from '../lib/async';
import { toast } from '../lib/ui';

export const PAGE_SIZE = 20;

/** Search as the person types, once the typing pauses. */
export const SEARCH_DELAY_MS = 300;

export interface PagedSource<T, R, D, P extends Paged<T>> {
  /** One page for the page's current query, read from its `data`. */
  fetch(data: D, page: number): Promise<CallResult<P>>;
  /** A view row, derived from an item of the answer. */
  row(item: T): R;
  /** Other fields of the first page's answer copied into `data` (e.g. the period's name). */
  extra?(answer: P): Record<string, unknown>;
}

/** `items[20]`, `items[21]`…: only the new rows cross to the view layer. */
export function appendPatch<T>(field: string, start: number, rows: readonly T[]): Record<string, T> {
  const patch: Record<string, T> = {};
  rows.forEach((row, i) => {
    patch[`${field}[${start + i}]`] = row;
  });
  return patch;
}

/** A list Behavior for one page: `D` is the page's data the query reads, `R` the row it renders. */
export function pagedList<T, R, D, P extends Paged<T> = Paged<T>>(source: PagedSource<T, R, D, P>) {
  return Behavior({
    data: {
      items: [] as R[],
      page: 0,
      total: 0,
      hasMore: false,
      loading: true,
      loadingMore: false,
      error: '',
      keyword: '',
    },
    lifetimes: {
      detached() {
        // A pending search must not run after the page is gone.
        cancelDebounce(this);
      },
    },
    methods: {
      /** Page 1 of the current query; resolves once it is shown (or dropped as stale). */
      async loadFirst(): Promise<void> {
        const generation = nextGeneration(this);
        this.setData({ loading: true, error: '', items: [], page: 0, total: 0, hasMore: false, loadingMore: false });
        const res = await source.fetch(this.data as unknown as D, 1);
        if (!isCurrent(this, generation)) return; // a newer search, filter or tab answered first
        if (!res.ok) {
          this.setData({ loading: false, error: res.message });
          return;
        }
        const { items, total, hasMore } = res.data;
        const extra = source.extra ? source.extra(res.data) : {};
        this.setData({ loading: false, items: items.map(source.row), page: 1, total, hasMore, ...extra });
      },

      /** The next page, once, when there is one and nothing else is loading; a failure is a toast. */
      async loadMore(): Promise<void> {
        const { hasMore, loadingMore, loading, page: current } = this.data;
        if (!hasMore || loadingMore || loading) return;
        const generation = nextGeneration(this);
        this.setData({ loadingMore: true });
        const res = await source.fetch(this.data as unknown as D, current + 1);
        if (!isCurrent(this, generation)) return;
        if (!res.ok) {
          this.setData({ loadingMore: false });
          toast(this, res.message);
          return;
        }
        const { page, total, items } = res.data;
        const rows = appendPatch('items', this.data.items.length, items.map(source.row));
        this.setData({ loadingMore: false, page, total, hasMore: res.data.hasMore, ...rows });
      },

      /** One row re-derived from a changed item (a decision, an override); only its path crosses to the view. */
      setRow(index: number, item: T) {
        if (index >= 0 && index < this.data.items.length) this.setData({ [`items[${index}]`]: source.row(item) });
      },

      /** Rows that left the list (decided, resolved), counted out of the total. */
      dropRows(leaves: (row: R) => boolean) {
        const items = this.data.items.filter((row) => !leaves(row));
        const gone = this.data.items.length - items.length;
        if (gone > 0) this.setData({ items, total: Math.max(0, this.data.total - gone) });
      },

      onRetry() {
        void this.loadFirst();
      },
      onLoadMore() {
        void this.loadMore();
      },
      onReachBottom() {
        void this.loadMore();
      },
      async onPullDownRefresh() {
        await this.loadFirst();
        if (typeof wx.stopPullDownRefresh === 'function') wx.stopPullDownRefresh({});
      },

      onKeywordChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
        this.setData({ keyword: e.detail.value });
        debounce(this, SEARCH_DELAY_MS, () => void this.loadFirst());
      },
      onKeywordSubmit() {
        cancelDebounce(this);
        void this.loadFirst();
      },
      onKeywordClear() {
        cancelDebounce(this);
        this.setData({ keyword: '' });
        void this.loadFirst();
      },
    },
  });
}
