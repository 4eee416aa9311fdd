import { chinaDate } from '../../../../../../miniprogram/core/china-time';
import { demoPeriod } from '../../../../../../scripts/local/seed';
import { addNominations } from '../../../../../support/nominees';
import {
  find,
  loadPage,
  openPage,
  tap,
  tapButton,
  textOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { approve, chipLabels, CITY_ADMIN, tapChip, UNIT_ADMIN, unitAdminOf } from '../support';

const bridge = useBridge({ openid: 'dev-district-admin' });
const DASHBOARD = loadPage('package-admin/pages/admin/dashboard/index');

interface Group {
  category: string;
  count: number;
  units: Array<{ name: string }>;
  more: number;
}
interface DashboardData {
  isCity: boolean;
  view: {
    title: string;
    approved: number;
    target: number;
    percent: number;
    deadlines: Array<{ key: string; label: string; date: string; left: string; passed: boolean }>;
    uncoveredTotal: number;
    groups: Group[];
    twoNew: Array<{ name: string; count: number }>;
    filed: number;
    filingTotal: number;
  } | null;
}
const open = () => openPage<DashboardData>(DASHBOARD, bridge);
const group = (page: SimNode<DashboardData>, category: string) =>
  page.data.view!.groups.find((g) => g.category === category)!;

const HOUR = 3_600_000;

describe('dashboard', () => {
  it('shows a district its progress, coverage, two_new youths and filings', async () => {
    const page = await open();
    const view = page.data.view!;
    expect(view).toMatchObject({ title: '越城区', approved: 0, target: 1000, percent: 0, filed: 0, filingTotal: 5 });
    expect(page.data.isCity).toBe(false);
    expect(page.querySelector('.district-chips')).toBeUndefined();
    // R3.3 越城区's must-cover units: two party_gov, one soe; the bank (0 youths, quota 0) is exempt (issue 9 §16).
    expect(view.uncoveredTotal).toBe(3);
    expect(group(page, 'party_gov')).toMatchObject({ count: 2, more: 0 });
    expect(group(page, 'soe').count).toBe(1);
    expect(group(page, 'central_soe').count).toBe(0);
    const text = textOf(page);
    expect(text).toContain('未覆盖单位（3 个）');
    expect(text).toContain('另有 1 个单位名额为0，不计入覆盖');
    expect(text).toContain('越城区人民政府办公室');
    expect(text).toContain('越城区0 人（尚无）');
    expect(text).toContain('0/ 5 已备案');
  });

  it('counts an approval toward progress, coverage and two_new', async () => {
    const [gov] = await addNominations(bridge.deps, 'yuecheng-gov', 1);
    const [tech] = await addNominations(bridge.deps, 'yuecheng-tech', 1, { seqStart: 50 });
    await approve(bridge, gov, await unitAdminOf(bridge, 'yuecheng-gov'));
    await approve(bridge, tech);
    const page = await open();
    expect(page.data.view).toMatchObject({ approved: 2, uncoveredTotal: 2 });
    expect(group(page, 'party_gov').count).toBe(1);
    expect(page.data.view!.twoNew).toEqual([{ districtId: 'yuecheng', name: '越城区', count: 1 }]);
    expect(textOf(page)).not.toContain('越城区人民政府办公室');
  });

  it('draws the two_new figures as a chart whose numbers are one tap away', async () => {
    const [tech] = await addNominations(bridge.deps, 'yuecheng-tech', 1, { seqStart: 60 });
    await approve(bridge, tech);
    const page = await open();
    const chart = find(page, '.two-new-chart');
    expect(textOf(chart)).toContain('已通过的两新组织好青年人数');
    await tap(page, ['.two-new-chart', '.chart__toggle'], bridge);
    expect(textOf(find(page, ['.two-new-chart', '.chart__table']))).toBe('项目两新组织好青年越城区1 人');
  });

  it('counts down to the deadlines in China time, and shows a passed one as 已截止', async () => {
    const now = bridge.now.getTime();
    await bridge.deps.store.collection('periods').updateOne(
      { current: true },
      {
        $set: {
          nominationDeadline: new Date(now + 2 * 24 * HOUR + 5 * HOUR + 30 * 60_000).toISOString(),
          filingDeadline: new Date(now - HOUR).toISOString(),
        },
      },
    );
    const page = await open();
    const [nomination, filing] = page.data.view!.deadlines;
    expect(nomination).toMatchObject({ label: '选树及集中展示截止', left: '还剩 2 天 5 小时', passed: false });
    expect(filing).toMatchObject({ label: '汇总表备案截止', left: '已截止', passed: true });
  });

  it('dates the 31 July deadline in China time although the suite runs in UTC', async () => {
    const page = await open();
    const deadline = demoPeriod(bridge.now).filingDeadline; // 23:59:59.999 +08:00, i.e. 15:59 UTC
    const [y, m, d] = chinaDate(new Date(deadline)).split('-').map(Number);
    expect(page.data.view!.deadlines[1].date).toBe(`${y}年${m}月${d}日 23:59`);
  });

  it('lets the city switch district with chips, and unfolds a long list', async () => {
    bridge.setOpenid(CITY_ADMIN);
    const page = await open();
    expect(page.data.view!.title).toBe('绍兴市');
    expect(chipLabels(page, '.district-chips')).toEqual([
      '全市',
      '越城区',
      '柯桥区',
      '上虞区',
      '诸暨市',
      '嵊州市',
      '新昌县',
    ]);
    // R3.3 city-wide: 6 city units and 3 per district (each district's bank has no place).
    expect(page.data.view!.uncoveredTotal).toBe(24);
    expect(group(page, 'party_gov')).toMatchObject({ count: 14, more: 4 });
    expect(group(page, 'party_gov').units).toHaveLength(10);
    expect(page.data.view!.twoNew).toHaveLength(6);

    await tapButton(page, '.unfold', bridge);
    expect(group(page, 'party_gov')).toMatchObject({ more: 0 });
    expect(group(page, 'party_gov').units).toHaveLength(14);

    await tapChip(page, '.district-chips', '柯桥区', bridge);
    expect(bridge.calls.at(-1)).toMatchObject({ action: 'dashboard', data: { districtId: 'keqiao' } });
    expect(page.data.view!.title).toBe('柯桥区');
    expect(page.data.view!.uncoveredTotal).toBe(3);
    expect(textOf(page)).toContain('柯桥区人民政府办公室');
  });

  it('opens the units behind a figure (drill-down)', async () => {
    const page = await open();
    await tapButton(page, '.drill-uncovered', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/units/index?show=uncovered' }),
    );
    await tapButton(page, '.two-new-row', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/units/index?show=twoNew&districtId=yuecheng' }),
    );
    await tapButton(page, '.drill-no-admin', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/units/index?show=noAdmin' }),
    );
  });

  it('refuses a unit admin in Chinese', async () => {
    bridge.setOpenid(UNIT_ADMIN);
    const page = await open();
    expect(textOf(page)).toContain('您没有进行此操作的权限');
    expect(page.data.view).toBeNull();
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(find(page, '.page-state'))).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.data.view!.title).toBe('越城区');
  });
});
