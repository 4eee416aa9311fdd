/**
 * The paged-list Behavior (behaviors/paged-list.ts) on a bare component: the
 * source's answers are held back and released by the test, so the order in
 * which they arrive is the test's to choose (a stale answer must be dropped).
 * The list pages' own tests run it against the real functions.
 */
import * as path from 'node:path';
import { MINIPROGRAM_ROOT, toastOf, type SimNode } from '../../support/cloud-bridge';

interface Item {
  id: number;
}
interface Row {
  id: number;
  label: string;
}
type Answer =
  | { ok: true; data: { items: Item[]; page: number; pageSize: number; total: number; hasMore: boolean } }
  | { ok: false; code: string; message: string };

interface ListData {
  items: Row[];
  page: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string;
  keyword: string;
}

interface Simulate {
  load(definition: Record<string, unknown>): string;
  load(path: string, tagName: string, options: { rootPath: string }): string;
  render(id: string): SimNode<ListData> & { instance: ListMethods; attach(parent: Element): void };
}
interface ListMethods {
  setData(patch: Record<string, unknown>): void;
  loadFirst(): Promise<void>;
  loadMore(): Promise<void>;
  setRow(index: number, item: Item): void;
  dropRows(leaves: (row: Row) => boolean): void;
  onRetry(): void;
  onReachBottom(): void;
  onPullDownRefresh(): Promise<void>;
  onKeywordChange(e: { detail: { value: string } }): void;
  onKeywordClear(): void;
}
interface PagedListModule {
  PAGE_SIZE: number;
  pagedList(source: { fetch(data: { keyword: string }, page: number): Promise<Answer>; row(item: Item): Row }): string;
}

// Untyped on purpose (see test/support/cloud-bridge.ts): simulate first, so `Behavior` exists.
/* eslint-disable @typescript-eslint/no-require-imports */
const simulate = require('miniprogram-simulate') as Simulate;
const { pagedList, PAGE_SIZE } = require(path.join(MINIPROGRAM_ROOT, 'behaviors/paged-list')) as PagedListModule;
/* eslint-enable @typescript-eslint/no-require-imports */

// The page's toast, where a next page's failure is told.
// wcc compiles every template of the app at once; its output outgrew the compiler's default 1 MB buffer.
const TOAST_OPTIONS = { rootPath: MINIPROGRAM_ROOT, compilerOptions: { maxBuffer: 64 * 1024 * 1024 } };
const TOAST = simulate.load(
  path.join(MINIPROGRAM_ROOT, 'miniprogram_npm/tdesign-miniprogram/toast/toast'),
  't-toast',
  TOAST_OPTIONS as { rootPath: string },
);

/** A request the list made, answered when the test says so. */
interface Pending {
  keyword: string;
  page: number;
  answer(res: Answer): Promise<void>;
}

const page = (n: number, total: number): Answer => {
  const first = (n - 1) * PAGE_SIZE;
  const count = Math.max(0, Math.min(PAGE_SIZE, total - first));
  const items = Array.from({ length: count }, (_, i) => ({ id: first + i + 1 }));
  return { ok: true, data: { items, page: n, pageSize: PAGE_SIZE, total, hasMore: first + count < total } };
};
const failure: Answer = { ok: false, code: 'NETWORK', message: '网络异常，请检查网络后重试' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
  const requests: Pending[] = [];
  const behavior = pagedList({
    fetch: (data, n) =>
      new Promise<Answer>((resolve) => {
        requests.push({
          keyword: data.keyword,
          page: n,
          answer: async (res) => {
            resolve(res);
            await flush();
          },
        });
      }),
    row: (item) => ({ id: item.id, label: `第${item.id}行` }),
  });
  const id = simulate.load({
    template:
      '<view><view wx:for="{{items}}" wx:key="id" class="row">{{item.label}}</view><t-toast id="t-toast" /></view>',
    usingComponents: { 't-toast': TOAST },
    behaviors: [behavior],
  });
  const list = simulate.render(id);
  list.attach(document.createElement('parent-wrapper'));
  return { list, requests, rows: () => list.querySelectorAll('.row').length };
}

describe('paged-list Behavior', () => {
  it('loads the first page: rows derived by the source, the total, whether there is more', async () => {
    const { list, requests, rows } = mount();
    expect(list.data.loading).toBe(true);
    const loaded = list.instance.loadFirst();
    expect(requests.map((r) => r.page)).toEqual([1]);
    await requests[0].answer(page(1, 25));
    await loaded;
    expect(list.data).toMatchObject({ loading: false, page: 1, total: 25, hasMore: true, error: '' });
    expect(list.data.items[0]).toEqual({ id: 1, label: '第1行' });
    expect(rows()).toBe(20);
  });

  it('appends the next page as items[20]… only, once, and stops at the end', async () => {
    const { list, requests, rows } = mount();
    void list.instance.loadFirst();
    await requests[0].answer(page(1, 25));
    const setData = jest.spyOn(list.instance, 'setData');

    list.instance.onReachBottom();
    list.instance.onReachBottom(); // a second scroll while the first is loading asks nothing more
    expect(requests.map((r) => r.page)).toEqual([1, 2]);
    expect(list.data.loadingMore).toBe(true);
    await requests[1].answer(page(2, 25));

    expect(rows()).toBe(25);
    expect(list.data).toMatchObject({ page: 2, hasMore: false, loadingMore: false });
    const keys = setData.mock.calls.flatMap(([patch]) => Object.keys(patch));
    expect(keys).toEqual(expect.arrayContaining(['items[20]', 'items[24]']));
    expect(keys).not.toContain('items');

    await list.instance.loadMore(); // nothing more to load
    expect(requests).toHaveLength(2);
  });

  it('drops the answer to a query that has since been replaced', async () => {
    const { list, requests } = mount();
    void list.instance.loadFirst();
    list.instance.setData({ keyword: '王' });
    void list.instance.loadFirst();
    expect(requests.map((r) => r.keyword)).toEqual(['', '王']);

    await requests[1].answer(page(1, 3)); // the newer query answers first…
    await requests[0].answer(page(1, 40)); // …the older one's late answer is dropped
    expect(list.data).toMatchObject({ total: 3, hasMore: false, loading: false });
    expect(list.data.items).toHaveLength(3);
  });

  it('drops a next page that answers after the list was reloaded', async () => {
    const { list, requests } = mount();
    void list.instance.loadFirst();
    await requests[0].answer(page(1, 45));
    void list.instance.loadMore();
    void list.instance.loadFirst(); // e.g. a new filter
    await requests[2].answer(page(1, 5));
    await requests[1].answer(page(2, 45));
    expect(list.data).toMatchObject({ total: 5, page: 1, loadingMore: false });
    expect(list.data.items).toHaveLength(5);
  });

  it('shows the first page’s failure, and 重新加载 asks again', async () => {
    const { list, requests, rows } = mount();
    void list.instance.loadFirst();
    await requests[0].answer(failure);
    expect(list.data).toMatchObject({ loading: false, error: '网络异常，请检查网络后重试' });

    list.instance.onRetry();
    expect(list.data).toMatchObject({ loading: true, error: '' });
    await requests[1].answer(page(1, 2));
    expect(list.data).toMatchObject({ loading: false, error: '', total: 2 });
    expect(rows()).toBe(2);
  });

  it('keeps the rows when a next page fails, and may try again', async () => {
    const { list, requests, rows } = mount();
    void list.instance.loadFirst();
    await requests[0].answer(page(1, 30));
    void list.instance.loadMore();
    await requests[1].answer(failure);
    expect(list.data).toMatchObject({ loadingMore: false, hasMore: true, page: 1, error: '' });
    expect(toastOf(list)).toMatchObject({ visible: true, message: '网络异常，请检查网络后重试' });
    expect(rows()).toBe(20);
    void list.instance.loadMore();
    await requests[2].answer(page(2, 30));
    expect(rows()).toBe(30);
  });

  it('searches once the typing pauses, and at once when cleared', async () => {
    const { list, requests } = mount();
    list.instance.onKeywordChange({ detail: { value: '王' } });
    list.instance.onKeywordChange({ detail: { value: '王晓' } });
    expect(requests).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(requests.map((r) => r.keyword)).toEqual(['王晓']);

    list.instance.onKeywordClear();
    expect(requests.map((r) => r.keyword)).toEqual(['王晓', '']);
    expect(list.data.keyword).toBe('');
  });

  it('reloads on pull-to-refresh', async () => {
    const { list, requests } = mount();
    void list.instance.loadFirst();
    await requests[0].answer(page(1, 2));
    const refreshed = list.instance.onPullDownRefresh();
    expect(requests.map((r) => r.page)).toEqual([1, 1]);
    await requests[1].answer(page(1, 3));
    await refreshed;
    expect(list.data.total).toBe(3);
  });

  it('re-derives one changed row in place, and counts rows that leave out of the total', async () => {
    const { list, requests } = mount();
    void list.instance.loadFirst();
    await requests[0].answer(page(1, 3));
    list.instance.setRow(1, { id: 99 });
    expect(list.data.items[1]).toEqual({ id: 99, label: '第99行' });
    list.instance.dropRows((row) => row.id === 99);
    expect(list.data.items.map((r) => r.id)).toEqual([1, 3]);
    expect(list.data.total).toBe(2);
  });
});
