import { loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../../support/cloud-bridge';
import { reasonDialog } from '../../../../support/reason-dialog';
import { tapNth } from '../../admin/support';
import { CITY_ADMIN, published, selectedYouths } from '../../../../package-mentor/support';

const bridge = useBridge({ openid: CITY_ADMIN });
const GROUP = loadPage('package-admin/pages/mentoring/group/index');

interface GroupData {
  districts: Array<{ name: string; figure: string }>;
  items: Array<{ id: string; name: string; load: string; paused: boolean; status: string }>;
  total: number;
}
const open = () => openPage<GroupData>(GROUP, bridge);

describe('导师服务团', () => {
  it('shows each district’s load and every mentor with theirs', async () => {
    const [a] = await selectedYouths(bridge, 1);
    await published(bridge, a);
    const page = await open();
    expect(page.data.total).toBe(6);
    expect(page.data.districts.find((d) => d.name === '越城区')?.figure).toBe('3 名导师 · 结对 1/7');
    expect(page.data.items.find((m) => m.name === '王导师')?.load).toBe('1/3');
    expect(textOf(page)).toContain('绍兴文理学院');
  });

  it('pauses a mentor with a reason from the dialog, then resumes them', async () => {
    const page = await open();
    const index = page.data.items.findIndex((m) => m.name === '王导师');
    const pauseIndex = page.data.items.slice(0, index).filter((m) => !m.paused).length;
    await tapNth(page, '.pause', pauseIndex, bridge);
    const dialog = reasonDialog(page, '.pause-dialog', bridge);
    expect(dialog.data).toMatchObject({ visible: true, title: '暂停王导师接收结对' });
    await dialog.confirm();
    expect(dialog.data.error).toContain('暂停原因');
    await dialog.type('外出挂职半年');
    await dialog.confirm();
    expect(page.data.items[index]).toMatchObject({ paused: true, status: '已暂停' });
    expect(textOf(page)).toContain('暂停原因：外出挂职半年');

    await tapNth(page, '.resume', 0, bridge);
    expect(page.data.items[index]).toMatchObject({ paused: false, status: '在岗' });
    expect(toastOf(page).message).toBe('王导师已恢复接收结对');
  });

  it('leads the city, not a district, to the expertise list', async () => {
    const page = await open();
    await tapButton(page, '.open-expertise', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/mentoring/expertise/index' }),
    );
    bridge.setOpenid('dev-district-admin');
    expect((await open()).querySelector('.open-expertise')).toBeUndefined();
  });

  it('tells a unit admin they have no access, in Chinese', async () => {
    bridge.setOpenid('dev-unit-admin');
    const page = await open();
    expect(textOf(page)).not.toContain('王导师');
  });
});
