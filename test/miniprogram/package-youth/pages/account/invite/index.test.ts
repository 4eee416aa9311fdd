import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { currentSession, meCalls } from '../../../../support/session';

const bridge = useBridge({ openid: 'dev-youth-new' });
const INVITE = loadPage('package-youth/pages/account/invite/index');

interface InviteData {
  code: string;
  canRedeem: boolean;
  issued: { code: string } | null;
}
const open = () => openPage<InviteData>(INVITE, bridge);

const cellText = (cell: SimNode): string => hostText(cell, '.t-cell');

async function issueAsCity(role: string, orgId: string): Promise<string> {
  const res = await FUNCTIONS.account.handle(
    { action: 'issueInvite', data: { role, orgId } },
    { openid: 'dev-city-admin' },
    bridge.deps,
  );
  if (!res.ok) throw new Error(res.error.code);
  return (res.data as { code: string }).code;
}

async function tapCell(page: SimNode<unknown>, path: string[], label: string): Promise<void> {
  const [host, selector] = [path.slice(0, -1), path[path.length - 1]];
  const scope = host.length > 0 ? find(page, host) : page;
  const cell = scope.querySelectorAll(selector).find((c) => cellText(c).startsWith(label));
  if (!cell) throw new Error(`no ${selector} ${label}`);
  (cell.querySelector('.t-cell') ?? cell).dispatchEvent('tap');
  await bridge.idle();
}

describe('invitation codes', () => {
  it('redeems a code and goes home with the new role', async () => {
    const code = await issueAsCity('unitAdmin', 'yuecheng-tech');
    const page = await open();
    expect(page.querySelector('.issue')).toBeUndefined();

    await typeInto(page, '.field-code', code.toLowerCase(), bridge);
    expect(page.data.code).toBe(code); // typed in lower case, sent upper-cased
    await typeInto(page, '.field-name', '刘书记', bridge);
    await tapButton(page, '.redeem-submit', bridge);

    expect(bridge.nav.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    const account = await bridge.deps.store.collection('accounts').get('dev-youth-new');
    expect(account).toMatchObject({ displayName: '刘书记', grants: [{ role: 'unitAdmin', orgId: 'yuecheng-tech' }] });
    // The answer is the new account: home opens on the new role without asking account.me again.
    expect((await currentSession()).roles).toEqual([
      { role: 'unitAdmin', orgId: 'yuecheng-tech', orgName: '越城区智造科技有限公司' },
    ]);
    expect(meCalls(bridge)).toBe(1);
  });

  it('keeps the button disabled until the code has 8 characters', async () => {
    const page = await open();
    await typeInto(page, '.field-name', '刘书记', bridge);
    await typeInto(page, '.field-code', 'ab-12', bridge);
    expect(textOf(find(page, ['.field-code', '.t-input__tips']))).toBe('邀请码为11位字母或数字（已输入4位）');
    expect(page.data.canRedeem).toBe(false);
    await tapButton(page, '.redeem-submit', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('redeemInvite');
  });

  it.each([
    ['an unknown code', async () => 'ZZZZ9999ZZZ', '邀请码无效，请核对后重新输入'],
    [
      'a used code',
      async () => {
        const code = await issueAsCity('mentor', 'city');
        await FUNCTIONS.account.handle(
          { action: 'redeemInvite', data: { code, displayName: '别人' } },
          { openid: 'someone-else' },
          bridge.deps,
        );
        return code;
      },
      '该邀请码已被使用',
    ],
  ])('shows why %s cannot be used, under the code', async (_case, arrange, message) => {
    const code = await arrange();
    const page = await open();
    await typeInto(page, '.field-code', code, bridge);
    await typeInto(page, '.field-name', '刘书记', bridge);
    await tapButton(page, '.redeem-submit', bridge);

    expect(textOf(find(page, ['.field-code', '.t-input__tips']))).toBe(message);
    expect(toastOf(page).message).toBe(message);
    expect(bridge.nav.reLaunch).not.toHaveBeenCalled();
  });

  it('lets the city admin issue a mentor code and shows it', async () => {
    bridge.setOpenid('dev-city-admin');
    const page = await open();
    expect(page.querySelector('.issue')).toBeTruthy();
    expect(page.querySelectorAll('.role-option').map(cellText)).toEqual(['区县团委管理员', '单位管理员', '导师']);

    await tapCell(page, ['.role-option'], '导师');
    await tapButton(page, '.issue-submit', bridge);

    const code = page.data.issued?.code ?? '';
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{11}$/); // core/one-time-code.ts
    expect(textOf(page.querySelector('.issued')!)).toContain(code);
    expect(textOf(page.querySelector('.issued')!)).toContain('导师 · 团市委（导师服务团）');
    const invite = await bridge.deps.store.collection('invites').get(bridge.deps.crypto.hash(`invite:${code}`)); // stored under a keyed hash only;
    expect(invite).toMatchObject({ role: 'mentor', orgId: 'city', issuedBy: 'dev-city-admin', usedBy: null });
  });

  it('lets the city admin issue a district admin code for a chosen district', async () => {
    bridge.setOpenid('dev-city-admin');
    const page = await open();
    await tapCell(page, ['.role-option'], '区县团委管理员');
    const districts = page.querySelectorAll('.district-option').map(cellText);
    expect(districts).not.toContain('市级单位');
    await tapCell(page, ['.district-option'], '柯桥区');
    await tapButton(page, '.issue-submit', bridge);
    const invite = await bridge.deps.store
      .collection('invites')
      .get(bridge.deps.crypto.hash(`invite:${page.data.issued?.code ?? ''}`));
    expect(invite).toMatchObject({ role: 'districtAdmin', orgId: 'keqiao' });
  });

  it('lets a district admin invite unit admins of their own district only', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await open();
    expect(page.querySelectorAll('.role-option').map(cellText)).toEqual(['单位管理员', '导师']);
    await tapCell(page, ['.role-option'], '单位管理员');

    // The picker starts inside 越城区 and offers no other district.
    const picker = find(page, '.unit-picker');
    expect(picker.querySelectorAll('.district')).toHaveLength(0);
    expect(cellText(picker.querySelector('.picked-district')!)).toContain('越城区');
    await tapCell(page, ['.unit-picker', '.unit'], '越城区城南街道');
    await tapButton(page, '.issue-submit', bridge);

    const invite = await bridge.deps.store
      .collection('invites')
      .get(bridge.deps.crypto.hash(`invite:${page.data.issued?.code ?? ''}`));
    expect(invite).toMatchObject({ role: 'unitAdmin', orgId: 'yuecheng-street', issuedBy: 'dev-district-admin' });
  });

  it('lets a district admin invite a mentor to their own district’s group (issue 11)', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await open();
    await tapCell(page, ['.role-option'], '导师');
    await tapButton(page, '.issue-submit', bridge);
    const invite = await bridge.deps.store
      .collection('invites')
      .get(bridge.deps.crypto.hash(`invite:${page.data.issued?.code ?? ''}`));
    expect(invite).toMatchObject({ role: 'mentor', orgId: 'yuecheng', issuedBy: 'dev-district-admin' });
  });
});
