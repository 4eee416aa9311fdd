// Transitional: replaced by services/session.ts, package-admin/lib/ and behaviors/paged-list.ts as pages convert.
/**
 * Infinite-scroll lists (20 a page): the first page resets the list, later
 * pages append only their own rows to the view layer (`items[20]`…), and an
 * answer to a query that has since been replaced is dropped.
 */
import type { Paged } from '../core/contracts/common';
import type { CallResult } from '../services/cloud';
import { appendPatch, cancelDebounce, debounce, isCurrent, nextGeneration } from './admin-scope';
import { toast } from '../lib/ui';

export const PAGE_SIZE = 20;

/** What a list page keeps in `data`. */
export interface PagedHost {
  data: { items: unknown[]; page: number; hasMore: boolean; loading: boolean; loadingMore: boolean };
  setData(patch: Record<string, unknown>): void;
}

type Fetch<P> = (page: number) => Promise<CallResult<P>>;

/** Loads page 1; `extra` copies other fields of the answer into `data` (e.g. the period's name). */
export async function loadFirstPage<T, R, P extends Paged<T>>(
  host: PagedHost,
  fetch: Fetch<P>,
  rowOf: (item: T) => R,
  extra: (answer: P) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const generation = nextGeneration(host);
  host.setData({ loading: true, error: '', items: [], page: 0, total: 0, hasMore: false, loadingMore: false });
  const res = await fetch(1);
  if (!isCurrent(host, generation)) return; // a newer search or filter answered first
  if (!res.ok) {
    host.setData({ loading: false, error: res.message });
    return;
  }
  const { items, total, hasMore } = res.data;
  host.setData({ loading: false, items: items.map(rowOf), page: 1, total, hasMore, ...extra(res.data) });
}

/** Appends the next page, once, when there is one and nothing else is loading. */
export async function loadNextPage<T, R, P extends Paged<T>>(
  host: PagedHost,
  fetch: Fetch<P>,
  rowOf: (item: T) => R,
): Promise<void> {
  const { hasMore, loadingMore, loading, page: current } = host.data;
  if (!hasMore || loadingMore || loading) return;
  const generation = nextGeneration(host);
  host.setData({ loadingMore: true });
  const res = await fetch(current + 1);
  if (!isCurrent(host, generation)) return;
  if (!res.ok) {
    host.setData({ loadingMore: false });
    toast(host, res.message);
    return;
  }
  const { page, total, items } = res.data;
  host.setData({
    loadingMore: false,
    page,
    total,
    hasMore: res.data.hasMore,
    ...appendPatch('items', host.data.items.length, items.map(rowOf)),
  });
}

/** Search as the person types, once the typing pauses. */
const SEARCH_DELAY_MS = 300;

/** A list with a name search box (`t-search` bound to these handlers, `keyword` in data). */
interface SearchHost extends PagedHost {
  data: PagedHost['data'] & { keyword: string };
  loadFirst(): Promise<void>;
}

/** The search box's handlers, shared by every searchable list: spread them into a page's `methods`. */
export const searchMethods = {
  onKeywordChange(this: SearchHost, e: WechatMiniprogram.CustomEvent<{ value: string }>): void {
    this.setData({ keyword: e.detail.value });
    debounce(this, SEARCH_DELAY_MS, () => void this.loadFirst());
  },
  onKeywordSubmit(this: SearchHost): void {
    cancelDebounce(this);
    void this.loadFirst();
  },
  onKeywordClear(this: SearchHost): void {
    cancelDebounce(this);
    this.setData({ keyword: '' });
    void this.loadFirst();
  },
};
