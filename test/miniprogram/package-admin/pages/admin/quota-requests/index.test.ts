import { find, loadPage, openPage, tapButton, textOf, typeInto, useBridge } from '../../../../../support/cloud-bridge';
import { reasonDialog } from '../../../../support/reason-dialog';
import { DISTRICT_ADMIN, UNIT_ADMIN } from '../support';

const bridge = useBridge({ openid: UNIT_ADMIN });
const PAGE = loadPage('package-admin/pages/admin/quota-requests/index');

interface RequestsData {
  items: Array<{ id: string; status: string; requested: number }>;
  total: number;
}
const open = () => openPage<RequestsData>(PAGE, bridge);

describe('quota requests', () => {
  it('the unit asks for more places; the district approves with a reason and the quota changes', async () => {
    const page = await open();
    expect(textOf(page)).toContain('暂无名额申请');
    await tapButton(page, '.ask-quota', bridge);
    const ask = reasonDialog(page, '.ask-dialog', bridge);
    expect(ask.data.title).toBe('申请增加名额（越城区智造科技有限公司）');
    await ask.type('青年骨干集中，申请增加名额');
    await ask.confirm();
    expect(ask.errorText()).toBe('请填写 1–500 之间的整数申请名额');
    await typeInto(page, '.ask-quota-input', '1', bridge);
    await ask.confirm();
    expect(ask.errorText()).toBe('申请的名额须多于现有名额（1名）');
    await typeInto(page, '.ask-quota-input', '3', bridge);
    await ask.confirm();
    expect(ask.data.visible).toBe(false);
    expect(page.data.items.map((r) => [r.status, r.requested])).toEqual([['pending', 3]]);

    bridge.setOpenid(DISTRICT_ADMIN);
    const district = await open();
    expect(district.querySelector('.ask-quota')).toBeUndefined();
    expect(textOf(district)).toContain('申请名额由1名增至3名');
    await tapButton(district, '.approve', bridge);
    const decide = reasonDialog(district, '.decide-dialog', bridge);
    expect(textOf(find(district, '.decide-dialog'))).toContain('名额将由1名调整为3名');
    await decide.type('同意，青年骨干集中');
    await decide.confirm();
    expect(district.data.total).toBe(0);
    const quota = await bridge.deps.store.collection('quotas').findOne({ unitId: 'yuecheng-tech' });
    expect(quota).toMatchObject({ limit: 3, overrideReason: '同意，青年骨干集中' });
  });
});
