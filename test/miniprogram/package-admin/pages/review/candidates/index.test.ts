import { loadPage, openPage, tapButton, textOf, useBridge } from '../../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const CANDIDATES = loadPage('package-admin/pages/review/candidates/index');

interface CandidatesData {
  items: Array<{ id: string; name: string; nomination: string }>;
  total: number;
}

describe('从青年名册推荐', () => {
  it('lists the unit’s imported youths, masked, and opens 组织推荐 filled from the one chosen', async () => {
    const page = await openPage<CandidatesData>(CANDIDATES, bridge);
    expect(page.data.total).toBe(4);
    const text = textOf(page);
    expect(text).toContain('越城区智造科技有限公司 · 在册 4 人');
    expect(text).toMatch(/\d+岁 · .+ · 139\*{4}\d{4}/);
    const first = page.data.items.find((i) => !i.nomination)!;
    await tapButton(page, '.nominate', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-admin/pages/review/unit-nominate/index?youthId=${first.id}` }),
    );
  });

  it('tells a district admin that 组织推荐 is for unit admins', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await openPage<CandidatesData>(CANDIDATES, bridge);
    expect(textOf(page)).toContain('组织推荐仅限单位管理员使用');
  });
});
