/** The page state every loading page shows: loading, error with 重新加载 (unless it cannot help), empty, content. */
import { find, loadPage, openPage, tapButton, textOf, useBridge } from '../../../support/cloud-bridge';

const bridge = useBridge({ openid: null, seed: false });
const STATE = loadPage('components/page-state/index');

const open = async (props: Record<string, unknown>) => {
  const state = await openPage(STATE, bridge);
  (state.instance as { setData(p: object): void }).setData(props);
  return state;
};

describe('page-state', () => {
  it('shows the loading text while loading', async () => {
    const state = await open({ loading: true });
    expect(textOf(find(state, '.loading'))).toContain('加载中…');
    expect(state.querySelector('.retry')).toBeUndefined();
  });

  it('shows the error with 重新加载, which asks the page to load again', async () => {
    const state = await open({ loading: false, error: '网络异常，请检查网络后重试' });
    const retried = jest.fn();
    (state.instance as { triggerEvent: unknown }).triggerEvent = retried;
    expect(textOf(find(state, '.load-error'))).toBe('网络异常，请检查网络后重试');
    await tapButton(state, '.retry', bridge);
    expect(retried).toHaveBeenCalledWith('retry');
  });

  it('offers no retry where it cannot help', async () => {
    const state = await open({ loading: false, error: '未找到该推荐记录', retryable: false });
    expect(textOf(find(state, '.load-error'))).toBe('未找到该推荐记录');
    expect(state.querySelector('.retry')).toBeUndefined();
  });

  it('says what is missing when empty', async () => {
    const state = await open({ loading: false, empty: true, emptyText: '暂无待处理的异议' });
    expect(textOf(find(state, '.empty'))).toContain('暂无待处理的异议');
  });
});
