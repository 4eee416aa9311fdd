import { C, type YouthDoc } from '../../../../../cloudfunctions/_lib/collections';
import { addNominations } from '../../../../support/nominees';
import { find, loadPage, openPage, tapButton, textOf, useBridge, type SimNode } from '../../../../support/cloud-bridge';
import { approve, cellText, CITY_ADMIN, DISTRICT_ADMIN, object, tapCell } from './support';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const WORKBENCH = loadPage('package-admin/pages/admin/index');

interface WorkbenchData {
  entries: Array<{ key: string; title: string; figure: string; url: string }>;
}
const open = () => openPage<WorkbenchData>(WORKBENCH, bridge);
const titles = (page: SimNode<WorkbenchData>) => page.data.entries.map((e) => e.title);
const figure = (page: SimNode<WorkbenchData>, key: string) => page.data.entries.find((e) => e.key === key)?.figure;

describe('admin workbench', () => {
  it('offers a unit admin the unit entries with live figures', async () => {
    const page = await open();
    expect(titles(page)).toEqual([
      '名额',
      '名额申请',
      '花名册',
      '备案',
      '异议处理',
      '导出汇总表',
      '公示名单',
      '青年库',
      '信息变更审核',
      '导入青年名册',
      '培养台账',
      '推优入党',
      '后备干部',
      '评优评先',
      '通知送达',
    ]);
    expect(textOf(page)).toContain('越城区智造科技有限公司');
    expect(textOf(page)).toContain('单位管理员');
    expect(figure(page, 'quotas')).toBe('已通过 0 / 名额 1');
    // A two_new unit's list is filed by its district (R4.4).
    expect(figure(page, 'filings')).toBe('由区县统一备案');
    expect(figure(page, 'objections')).toBe('暂无待处理');
    expect(figure(page, 'changes')).toBe('暂无待审核');
    expect(cellText(find(page, '.entry--quotas'))).toContain('已通过 0 / 名额 1');
  });

  it('counts the changes of unit or post waiting for the unit, and opens them', async () => {
    // A youth of another unit asks to move to 越城区智造科技有限公司 (the unit's review queue).
    const youths = bridge.deps.store.collection<YouthDoc>(C.youths);
    const other = (await youths.find({ unitId: { $ne: 'yuecheng-tech' } }))[0] ?? (await youths.find({}))[0];
    await youths.updateOne(
      { _id: other._id },
      {
        $set: {
          pendingChange: { unitId: 'yuecheng-tech', districtId: 'yuecheng', post: '工程师', at: new Date() },
          pendingUnitId: 'yuecheng-tech',
        },
      },
    );
    const page = await open();
    expect(figure(page, 'changes')).toBe('待审核 1 条');
    await tapCell(page, '.entry--changes', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/changes/index' }),
    );
  });

  it('counts pending objections', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
    await approve(bridge, id);
    await object(bridge, id);
    const page = await open();
    expect(figure(page, 'objections')).toBe('待处理 1 条');
    expect(figure(page, 'quotas')).toBe('已通过 1 / 名额 1');
  });

  // Issue 9 §17: a mentor is told what the workbench is for, without a 重新加载 that cannot help.
  it('explains to a mentor that the workbench is for administrators, without a pointless retry', async () => {
    bridge.setOpenid('dev-mentor-wang');
    const page = await open();
    const text = textOf(page);
    expect(text).toContain('管理工作台供单位、区县和团市委管理员使用');
    expect(text).toContain('导师');
    expect(text).not.toContain('您没有进行此操作的权限');
    expect(page.querySelector('.page-state')?.querySelector('.retry')).toBeUndefined();
    await tapButton(page, '.go-home', bridge);
    expect(bridge.nav.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  it('opens an entry', async () => {
    const page = await open();
    await tapCell(page, '.entry--roster', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/roster/index' }),
    );
  });

  it('offers a district admin the dashboard with progress and filing figures', async () => {
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(titles(page)).toEqual([
      '工作看板',
      '名额管理',
      '名额申请',
      '花名册',
      '备案情况',
      '异议',
      '导出汇总表',
      '公示名单',
      '导师服务团',
      '结对管理',
      '服务工单',
      '服务看板',
      '政策找人',
      '服务目录与经办人',
      '保险与守信激励',
      '培养台账',
      '推优入党',
      '后备干部库',
      '评优评先',
      '结对健康度',
      '通知送达',
      '账号与权限',
      '青年库',
      '导入单位与青年人数',
      '各期对比',
    ]);
    expect(textOf(page)).toContain('越城区');
    expect(figure(page, 'dashboard')).toBe('已通过 0 / 目标 1000');
    // 越城区: four self-filing units and its own 其他基层领域 filing.
    expect(figure(page, 'filings')).toBe('已备案 0 / 5');
    await tapCell(page, '.entry--service-queue', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-services/pages/queue/index' }),
    );
  });

  it('shows the city admin the city-wide figures', async () => {
    bridge.setOpenid(CITY_ADMIN);
    const page = await open();
    expect(textOf(page)).toContain('团市委管理员');
    expect(figure(page, 'filings')).toBe('已备案 0 / 36');
  });

  it('refuses someone who administers nothing, in Chinese', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('管理工作台供单位、区县和团市委管理员使用。您当前的身份是青年');
    expect(page.data.entries).toHaveLength(0);
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.data.entries).toHaveLength(15);
  });
});

describe('admin workbench: the to-do subscription (issue 10)', () => {
  const wxGlobal = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

  it('asks from a tap for the to-do template and records the accepted subscription as one grant', async () => {
    const asked: string[][] = [];
    wxGlobal().requestSubscribeMessage = (o: { tmplIds: string[]; success(r: Record<string, string>): void }) => {
      asked.push(o.tmplIds);
      o.success({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) });
    };
    const page = await open();
    expect(textOf(find(page, '.subscribe-todo'))).toContain('待办提醒');
    await tapButton(page, ['.subscribe-todo', '.subscribe__button'], bridge);
    expect(asked).toEqual([['dev-tmpl-todo']]);
    expect(textOf(find(page, '.subscribe-todo'))).toContain('已订阅');
    expect(await bridge.deps.store.collection('grants').find({ openid: 'dev-unit-admin' })).toEqual([
      expect.objectContaining({ template: 'todo', state: 'available' }),
    ]);
  });

  it('refusing is fine: nothing is recorded and the page says where notifications still appear', async () => {
    wxGlobal().requestSubscribeMessage = (o: { tmplIds: string[]; success(r: Record<string, string>): void }) =>
      o.success({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'reject'])) });
    const page = await open();
    await tapButton(page, ['.subscribe-todo', '.subscribe__button'], bridge);
    expect(textOf(find(page, '.subscribe-todo'))).toContain('所有通知都会出现在消息中心');
    expect(await bridge.deps.store.collection('grants').count({})).toBe(0);
  });
});
