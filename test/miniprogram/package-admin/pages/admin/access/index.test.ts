import {
  find,
  loadPage,
  openPage,
  textOf,
  toastOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { reasonDialog } from '../../../../support/reason-dialog';
import { arrange, cellText, chipLabels, CITY_ADMIN, DISTRICT_ADMIN, tapChip, tapNth, UNIT_ADMIN } from '../support';

const bridge = useBridge({ openid: DISTRICT_ADMIN });
const ACCESS = loadPage('package-admin/pages/admin/access/index');

interface AccessData {
  error: string;
  view: { orgName: string; holders: Array<{ displayName: string }>; invites: Array<{ id: string }> } | null;
}
const open = () => openPage<AccessData>(ACCESS, bridge);
const dialogOf = (page: SimNode<unknown>) => reasonDialog(page, '.access-dialog', bridge);

async function pickUnit(page: SimNode<unknown>, unit: string): Promise<void> {
  const u = find(page, '.unit-picker')
    .querySelectorAll('.unit')
    .find((c) => cellText(c).startsWith(unit))!;
  (u.querySelector('.t-cell') ?? u).dispatchEvent('tap');
  await bridge.idle();
}

describe('access page (issue 8 §7)', () => {
  it('a district voids an unused invitation and revokes a unit admin, each with a reason behind a confirmation', async () => {
    await arrange(bridge, DISTRICT_ADMIN, 'account', 'issueInvite', { role: 'unitAdmin', orgId: 'yuecheng-tech' });
    const page = await open();
    await pickUnit(page, '越城区智造科技');
    expect(page.data.view?.orgName).toBe('越城区智造科技有限公司');
    expect(textOf(page)).toContain('陈管理员');
    expect(page.querySelectorAll('.invite')).toHaveLength(1);

    // 作废: the reason is required, then the code is void.
    await tapNth(page, '.cancel-invite', 0, bridge);
    const dialog = dialogOf(page);
    expect(dialog.data.visible).toBe(true);
    expect(textOf(find(page, '.access-dialog'))).toContain('将无法再使用');
    await dialog.confirm();
    expect(dialog.data.error).toContain('作废原因');
    expect(bridge.calls.map((c) => c.action)).not.toContain('cancelInvite');
    await dialog.type('发错单位，将重新发放');
    await dialog.confirm();
    expect(dialog.data.visible).toBe(false);
    expect(toastOf(page).message).toBe('邀请码已作废');
    expect(page.querySelectorAll('.invite')).toHaveLength(0);
    expect(textOf(page)).toContain('暂无未使用的邀请码');

    // 撤销: the admin loses the role at once.
    await tapNth(page, '.revoke', 0, bridge);
    expect(textOf(find(page, '.access-dialog'))).toContain('将立即失去');
    await dialogOf(page).type('已调离岗位');
    await dialogOf(page).confirm();
    expect(bridge.calls.find((c) => c.action === 'revokeRole')?.data).toEqual({
      openid: UNIT_ADMIN,
      role: 'unitAdmin',
      orgId: 'yuecheng-tech',
      reason: '已调离岗位',
    });
    expect(toastOf(page).message).toBe('已撤销陈管理员的单位管理员权限');
    expect(textOf(page)).toContain('暂无可由您撤销权限的人员');
  });

  it('the city chooses among itself and its districts; a unit admin is not offered the page', async () => {
    bridge.setOpenid(CITY_ADMIN);
    const page = await open();
    expect(chipLabels(page, '.org-chips').slice(0, 2)).toEqual(['团市委（导师）', '越城区']);
    await tapChip(page, '.org-chips', '越城区', bridge);
    expect(page.data.view?.holders.map((h) => h.displayName)).toContain('赵书记');
    bridge.setOpenid(UNIT_ADMIN);
    const refused = await open();
    expect(refused.data.error).toBe('仅区县团委和团市委可管理账号与权限');
  });
});
