import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { find, loadPage, openPage, textOf, useBridge } from '../../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-district-admin' });
const UNITS = loadPage('package-admin/pages/admin/units/index');

interface Row {
  unitId: string;
  name: string;
  hasAdmin: boolean;
  invite: { code: string; link: string } | null;
}
interface UnitsData {
  title: string;
  items: Row[];
  total: number;
}
const open = (query: Record<string, string>) => openPage<UnitsData>(UNITS, bridge, query);

describe('units behind a figure', () => {
  it("lists a district's units without an admin, each with a one-tap invitation that works (issue 9 §2)", async () => {
    const page = await open({ show: 'noAdmin' });
    expect(page.data.title).toBe('尚无管理员的单位');
    const names = page.data.items.map((u) => u.name);
    // 智造科技 (陈管理员) and 人民政府办公室 (孙主任) have admins; the other five do not.
    expect(names).toHaveLength(5);
    expect(names).toContain('越城区青年志愿者协会');
    expect(names).not.toContain('越城区智造科技有限公司');
    expect(textOf(page)).toContain('由区县团委（市级单位由团市委）代为审核');

    const index = names.indexOf('越城区青年志愿者协会');
    const host = page.querySelectorAll('.invite-admin')[index];
    (host.querySelector('.t-button') ?? host).dispatchEvent('tap');
    await bridge.idle();
    const invite = page.data.items[index].invite!;
    expect(invite.code).toMatch(/^[A-Z2-9]{11}$/);
    expect(invite.link).toBe(`/package-youth/pages/account/invite/index?code=${invite.code}`);
    expect(textOf(find(page, '.invite-link'))).toBe(invite.link);
    expect(textOf(find(page, '.invite-code'))).toBe(invite.code);

    // Whoever receives it becomes the society's admin; the district then only looks.
    const redeemed = await FUNCTIONS.account.handle(
      { action: 'redeemInvite', data: { code: invite.code, displayName: '刘书记' } },
      { openid: 'new-admin' },
      bridge.deps,
    );
    expect(redeemed.ok).toBe(true);
    const again = await open({ show: 'noAdmin' });
    expect(again.data.items.map((u) => u.name)).not.toContain('越城区青年志愿者协会');
  });

  it('lists the uncovered units of the district with their places and filing', async () => {
    const page = await open({ show: 'uncovered', districtId: 'yuecheng' });
    // By name in pinyin order (城 cheng, 人 ren, 市 shi).
    expect(page.data.items.map((u) => u.name)).toEqual([
      '越城区城市建设投资集团有限公司',
      '越城区人民政府办公室',
      '越城区市场监督管理局',
    ]);
    expect(textOf(page)).toContain('备案：未备案');
  });

  it('shows the refusal for a district outside the scope', async () => {
    const page = await open({ show: 'all', districtId: 'keqiao' });
    expect(textOf(find(page, ['.page-state', '.load-error']))).toBe('该对象不在您的管理范围内');
  });
});
