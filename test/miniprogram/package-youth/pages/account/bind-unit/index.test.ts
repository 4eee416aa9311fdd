import { C, type OrgDoc } from '../../../../../../cloudfunctions/_lib/collections';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  typeInto,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { currentSession, meCalls } from '../../../../support/session';

const bridge = useBridge({ openid: 'dev-youth-new' });
const BIND = loadPage('package-youth/pages/account/bind-unit/index');

interface BindData {
  name: string;
  canSubmit: boolean;
}
const open = () => openPage<BindData>(BIND, bridge);

const picker = (page: SimNode<unknown>) => find(page, '.picker');
const cellText = (cell: SimNode): string => hostText(cell, '.t-cell');
const districtIndex = (page: SimNode<unknown>, name: string): number =>
  picker(page)
    .querySelectorAll('.district')
    .findIndex((c) => cellText(c) === name);

async function tapCell(page: SimNode<unknown>, selector: string, index: number): Promise<void> {
  const cells = picker(page).querySelectorAll(selector);
  const cell = cells[index];
  if (!cell) throw new Error(`no ${selector}[${index}]`);
  (cell.querySelector('.t-cell') ?? cell).dispatchEvent('tap');
  await bridge.idle();
}

const settleSearch = async () => {
  await new Promise((resolve) => setTimeout(resolve, 350)); // the picker waits 300 ms after the last keystroke
  await bridge.idle();
};

describe('bind unit', () => {
  it('lists 市级单位 and the districts first', async () => {
    const page = await open();
    const names = picker(page).querySelectorAll('.district').map(cellText);
    expect(names[0]).toBe('市级单位');
    expect(names).toEqual(expect.arrayContaining(['越城区', '柯桥区', '新昌县']));
    expect(names).toHaveLength(7);
  });

  it('picks a district, searches a unit, enters the name, confirms and goes home', async () => {
    const page = await open();
    await tapCell(page, '.district', districtIndex(page, '越城区'));
    expect(picker(page).querySelectorAll('.unit')).toHaveLength(7);

    picker(page)
      .querySelector('.unit-search')!
      .querySelector('.t-input__keyword')!
      .dispatchEvent('input', { detail: { value: '智造' } });
    await settleSearch();
    const units = picker(page).querySelectorAll('.unit');
    expect(units.map(cellText)).toEqual(['越城区智造科技有限公司两新组织']);

    await tapCell(page, '.unit', 0);
    expect(cellText(find(page, ['.picker', '.picked-unit']))).toContain('越城区智造科技有限公司');
    expect(page.data.canSubmit).toBe(false); // name still missing

    await typeInto(page, '.field-name', '王小青', bridge);
    expect(page.data.canSubmit).toBe(true);
    await tapButton(page, '.submit', bridge);

    expect(bridge.modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('越城区智造科技有限公司') }),
    );
    expect(bridge.nav.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    const account = await bridge.deps.store.collection('accounts').get('dev-youth-new');
    expect(account).toMatchObject({ displayName: '王小青', grants: [{ role: 'youth', orgId: 'yuecheng-tech' }] });
  });

  it('hands the new account to the session: home reads the binding without asking account.me again', async () => {
    const page = await open();
    expect((await currentSession()).roles).toEqual([]);
    await tapCell(page, '.district', districtIndex(page, '越城区'));
    await tapCell(page, '.unit', 0);
    await typeInto(page, '.field-name', '王小青', bridge);
    await tapButton(page, '.submit', bridge);
    expect(bridge.nav.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });

    const session = await currentSession();
    expect(session).toMatchObject({ displayName: '王小青', unit: { districtName: '越城区' } });
    expect(session.roles.map((g) => g.role)).toEqual(['youth']);
    expect(meCalls(bridge)).toBe(1);
  });

  it('loads more units 20 at a time', async () => {
    const orgs = bridge.deps.store.collection<OrgDoc>(C.orgs);
    for (let i = 1; i <= 25; i += 1) {
      const n = String(i).padStart(2, '0');
      await orgs.insert({
        _id: `keqiao-extra-${n}`,
        name: `柯桥区测试企业${n}`,
        level: 'unit',
        parentId: 'keqiao',
        districtId: 'keqiao',
        category: 'two_new',
        youthCount: 5,
      });
    }
    const page = await open();
    await tapCell(page, '.district', districtIndex(page, '柯桥区'));
    expect(picker(page).querySelectorAll('.unit')).toHaveLength(20);
    expect(textOf(picker(page))).toContain('加载更多（共 32 个）');

    await tapButton(page, ['.picker', '.load-more'], bridge);
    expect(picker(page).querySelectorAll('.unit')).toHaveLength(32);
    expect(picker(page).querySelector('.load-more')).toBeUndefined();
  });

  it('says so when the search finds nothing', async () => {
    const page = await open();
    await tapCell(page, '.district', 0);
    picker(page)
      .querySelector('.unit-search')!
      .querySelector('.t-input__keyword')!
      .dispatchEvent('input', { detail: { value: '不存在的单位' } });
    await settleSearch();
    expect(textOf(picker(page))).toContain('没有找到匹配的单位，请换个关键词');
  });

  it('prefills the name of a bound youth and shows the current unit', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('当前单位：越城区智造科技有限公司');
    expect(page.data.name).toBe('张晓青');
  });

  it('shows the Chinese refusal when a youth with a nomination under review tries to move', async () => {
    bridge.setOpenid('dev-youth-li');
    const page = await open();
    await tapCell(page, '.district', 0); // 市级单位
    await tapCell(page, '.unit', 0);
    await tapButton(page, '.submit', bridge);
    const message = '您已有进行中的推荐，暂不能更换单位，请联系单位管理员';
    expect(textOf(page.querySelector('.error')!)).toBe(message);
    // Whole, in a dialog, not cut in a toast (issue 9 §5).
    expect(bridge.modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '未能更换单位', content: message, showCancel: false }),
    );
    expect(bridge.nav.reLaunch).not.toHaveBeenCalled();
  });

  it('shows the network error with a retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(picker(page))).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.picker', '.retry-districts'], bridge);
    expect(picker(page).querySelectorAll('.district')).toHaveLength(7);
  });
});
