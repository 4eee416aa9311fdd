import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { addNominations } from '../../../../../support/nominees';
import { approve, cellText, DISTRICT_ADMIN, setQuota, settleSearch, tapChip } from '../support';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const ROSTER = loadPage('package-admin/pages/admin/roster/index');

interface RosterData {
  items: Array<{ id: string; name: string; status: string }>;
  total: number;
  hasMore: boolean;
  canPickUnit: boolean;
  activeFilters: number;
}
const open = () => openPage<RosterData>(ROSTER, bridge);
const rows = (page: SimNode<unknown>) => page.querySelectorAll('.row');
const rosterCalls = () => bridge.calls.filter((c) => c.action === 'roster');

describe('roster', () => {
  it('lists the unit nominations masked, with the total', async () => {
    const page = await open();
    expect(rows(page)).toHaveLength(1);
    const text = textOf(page);
    expect(text).toContain('共 1 人');
    expect(text).toContain('李明');
    expect(text).toContain('身份证 330602********123'); // R9.1 masked
    expect(text).toContain('手机 138****1234');
    expect(text).not.toContain('13800001234');
    expect(text).toContain('越城区 · 越城区智造科技有限公司');
    expect(text).toContain('共青团员 · 大学本科 · 两新组织');
    expect(text).toContain('待审核');
    expect(page.data.canPickUnit).toBe(false);
  });

  it('pages 20 + 20 and appends only the new rows', async () => {
    await addNominations(bridge.deps, 'yuecheng-tech', 39);
    const page = await open();
    expect(rows(page)).toHaveLength(20);
    expect(page.data).toMatchObject({ total: 40, hasMore: true });

    const setData = jest.spyOn(page.instance as { setData(d: object): void }, 'setData');
    await tapButton(page, '.load-more', bridge);
    expect(rows(page)).toHaveLength(40);
    expect(page.data.hasMore).toBe(false);
    expect(textOf(page)).toContain('没有更多了');
    // The second page crossed as items[20]…items[39], never as the whole array.
    const sent = setData.mock.calls.flatMap(([d]) => Object.keys(d));
    expect(sent).toContain('items[20]');
    expect(sent).toContain('items[39]');
    expect(sent).not.toContain('items');
    expect(rosterCalls().at(-1)?.data).toMatchObject({ page: 2, pageSize: 20 });
  });

  it('loads the next page on reaching the bottom', async () => {
    await addNominations(bridge.deps, 'yuecheng-tech', 25);
    const page = await open();
    (page.instance.onReachBottom as () => void).call(page.instance);
    await bridge.idle();
    expect(rows(page)).toHaveLength(26);
  });

  it('filters by status with chips', async () => {
    await setQuota(bridge, 'yuecheng-tech', 3);
    const ids = await addNominations(bridge.deps, 'yuecheng-tech', 4);
    await approve(bridge, ids[0]);
    await approve(bridge, ids[1]);
    const page = await open();
    expect(page.data.total).toBe(5);

    await tapButton(page, '.filter-toggle', bridge);
    await tapChip(page, '.filter--status', '已通过', bridge);
    expect(rosterCalls().at(-1)?.data).toMatchObject({ status: 'approved', page: 1 });
    expect(page.data.total).toBe(2);
    expect(page.data.items.every((r) => r.status === 'approved')).toBe(true);
    expect(page.data.activeFilters).toBe(1);
    expect(hostText(find(page, '.filter-toggle'), '.t-button')).toContain('筛选（1）');

    await tapChip(page, '.filter--politicalStatus', '中共党员', bridge);
    expect(textOf(page)).toContain('没有符合条件的人员');

    await tapButton(page, '.clear-filters', bridge);
    expect(page.data.total).toBe(5);
    expect(page.data.activeFilters).toBe(0);
  });

  it('searches by name after the typing pauses', async () => {
    await addNominations(bridge.deps, 'yuecheng-tech', 5);
    const page = await open();
    const before = rosterCalls().length;
    const input = find(page, ['.name-search', '.t-input__keyword']);
    input.dispatchEvent('input', { detail: { value: '王' } });
    input.dispatchEvent('input', { detail: { value: '李' } });
    await settleSearch(bridge);
    expect(rosterCalls()).toHaveLength(before + 1);
    expect(rosterCalls().at(-1)?.data).toMatchObject({ keyword: '李' });
    const names = page.data.items.map((r) => r.name);
    expect(names).toContain('李明');
    expect(names.every((n) => n.startsWith('李'))).toBe(true);
    expect(page.data.total).toBeLessThan(6);
  });

  it('opens the nomination detail from a row', async () => {
    const page = await open();
    rows(page)[0].dispatchEvent('tap');
    await bridge.idle();
    const id = page.data.items[0].id;
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-admin/pages/review/detail/index?id=${encodeURIComponent(id)}` }),
    );
  });

  it('lets a district admin filter by unit within the district', async () => {
    await addNominations(bridge.deps, 'yuecheng-gov', 2);
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(page.data.total).toBe(3);
    expect(page.data.canPickUnit).toBe(true);
    await tapButton(page, '.filter-toggle', bridge);
    const cell = find(page, '.unit-cell');
    (cell.querySelector('.t-cell') ?? cell).dispatchEvent('tap');
    await bridge.idle();
    // The picker opens on the admin's own district.
    const picker = find(page, '.unit-picker');
    const units = picker.querySelectorAll('.unit');
    const gov = units.find((u) => cellText(u).startsWith('越城区人民政府办公室'))!;
    (gov.querySelector('.t-cell') ?? gov).dispatchEvent('tap');
    await bridge.idle();
    expect(rosterCalls().at(-1)?.data).toMatchObject({ unitId: 'yuecheng-gov' });
    expect(page.data.total).toBe(2);
    expect(cellText(find(page, '.unit-cell'))).toContain('越城区人民政府办公室');
  });

  it('refuses someone who administers nothing, in Chinese', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('您没有进行此操作的权限');
    expect(rosterCalls()).toHaveLength(0);
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(rows(page)).toHaveLength(1);
  });
});
