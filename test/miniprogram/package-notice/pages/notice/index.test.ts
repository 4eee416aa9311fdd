import { demoForm } from '../../../../../scripts/local/seed';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  useBridge,
  type SimNode,
} from '../../../../support/cloud-bridge';
import { addNominations } from '../../../../support/nominees';
import { settleSearch, tapNth } from '../../../package-admin/pages/admin/support';

const bridge = useBridge({ openid: null });
const NOTICE = loadPage('package-notice/pages/notice/index');

interface NoticeData {
  periodName: string;
  items: Array<{ id: string; name: string; open: boolean; long: boolean }>;
  total: number;
  hasMore: boolean;
}
const open = () => openPage<NoticeData>(NOTICE, bridge);
const cards = (page: SimNode<unknown>) => page.querySelectorAll('.item');
const DEEDS = demoForm({ name: '', idNumber: '', phone: '', post: '' }).deeds;

describe('public notice', () => {
  it('shows the period and an empty state before anyone is selected', async () => {
    const page = await open();
    expect(page.data.periodName).toMatch(/年度“百行百业——千名好青年”选培计划$/);
    expect(textOf(page)).toContain(page.data.periodName);
    expect(textOf(page)).toContain('暂无公示人员');
  });

  // Issue 9 §17: the notice says how long it runs and whom to contact, and asks objections to be signed.
  it('gives the notice period with its year, a contact, and says objections are signed', async () => {
    const page = await open();
    const hero = textOf(page.querySelector('.hero')!);
    expect(hero).toMatch(/公示期：即日起至\d{4}年7月31日/);
    expect(hero).toContain('联系方式：团市委基层工作部');
    expect(hero).toContain('实名反映（须填写姓名）');
  });

  it('lists the selected youths without ID numbers or phones, deeds folded', async () => {
    const ids = await addNominations(bridge.deps, 'yuecheng-tech', 2, { status: 'approved' });
    await addNominations(bridge.deps, 'yuecheng-tech', 1, { seqStart: 90 }); // submitted: not public
    const page = await open();
    expect(cards(page)).toHaveLength(2);
    expect(page.data.items.map((n) => n.id)).toEqual(ids);
    const text = textOf(page);
    expect(text).toContain('共 2 人');
    expect(text).toContain('越城区智造科技有限公司');
    expect(text).toContain('技术员');
    expect(text).toContain('共青团员 · 大学本科');
    expect(text).toContain(`${DEEDS.slice(0, 60)}…`);
    expect(text).not.toContain(DEEDS);
    expect(text).not.toMatch(/\d{6}\*{8}|1\d{2}\*{4}\d{4}|139\d{8}/);

    await tapNth(page, '.toggle-deeds', 0, bridge);
    expect(page.data.items[0].open).toBe(true);
    expect(textOf(cards(page)[0])).toContain(DEEDS);
    expect(hostText(page.querySelectorAll('.toggle-deeds')[0], '.t-button')).toBe('收起');
  });

  it('pages 20 at a time', async () => {
    await addNominations(bridge.deps, 'yuecheng-tech', 23, { status: 'approved' });
    const page = await open();
    expect(cards(page)).toHaveLength(20);
    await tapButton(page, '.load-more', bridge);
    expect(cards(page)).toHaveLength(23);
    expect(page.data.hasMore).toBe(false);
  });

  it('searches by name after the typing pauses', async () => {
    await addNominations(bridge.deps, 'yuecheng-tech', 5, { status: 'approved' });
    const page = await open();
    const first = page.data.items[0].name;
    find(page, ['.name-search', '.t-input__keyword']).dispatchEvent('input', { detail: { value: first } });
    await settleSearch(bridge);
    expect(bridge.calls.at(-1)).toMatchObject({ action: 'list', data: { keyword: first } });
    expect(page.data.items.map((n) => n.name)).toEqual([first]);

    find(page, ['.name-search', '.t-input__keyword']).dispatchEvent('input', { detail: { value: '欧阳' } });
    await settleSearch(bridge);
    expect(textOf(page)).toContain('没有找到该姓名的公示人员');
  });

  it('opens the objection form for one youth', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1, { status: 'approved' });
    const page = await open();
    await tapNth(page, '.object', 0, bridge);
    const name = page.data.items[0].name;
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/package-notice/pages/notice/object/index?id=${encodeURIComponent(id)}&name=${encodeURIComponent(name)}`,
      }),
    );
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(textOf(page)).toContain('暂无公示人员');
  });
});
