import {
  find,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { addNominations } from '../../../../../support/nominees';
import { reasonDialog } from '../../../../support/reason-dialog';
import { approve, chipLabels, CITY_ADMIN, setQuota, tapChip, tapNth, UNIT_ADMIN } from '../support';

const bridge = useBridge({ openid: 'dev-district-admin' });
const QUOTAS = loadPage('package-admin/pages/admin/quotas/index');

interface QuotasData {
  items: Array<{ unitId: string; limit: number; approved: number; overridden: boolean }>;
  total: number;
  hasMore: boolean;
  canAdjust: boolean;
}
const open = () => openPage<QuotasData>(QUOTAS, bridge);
const cards = (page: SimNode<unknown>) => page.querySelectorAll('.item');
const dialogOf = (page: SimNode<unknown>) => reasonDialog(page, '.quota-dialog', bridge);

async function adjust(page: SimNode<QuotasData>, unitId: string) {
  await tapNth(
    page,
    '.adjust',
    page.data.items.findIndex((q) => q.unitId === unitId),
    bridge,
  );
}

describe('quotas page', () => {
  it('lists the district units with suggested quota, approved and limit', async () => {
    const page = await open();
    expect(cards(page)).toHaveLength(7);
    expect(textOf(page)).toContain('共 7 个单位');
    expect(textOf(page)).toContain('越城区智造科技有限公司');
    expect(page.data.canAdjust).toBe(true);
    // R3.1 39 youths → 1; 45 → 2; 0 → 0.
    const byUnit = Object.fromEntries(page.data.items.map((q) => [q.unitId, q.limit]));
    expect(byUnit).toMatchObject({ 'yuecheng-tech': 1, 'yuecheng-invest': 2, 'yuecheng-bank': 0 });
    expect(page.querySelector('.district-chips')).toBeUndefined();
  });

  it('requires a reason, then raises the quota and shows the override with its reason', async () => {
    const page = await open();
    await adjust(page, 'yuecheng-tech');
    const dialog = dialogOf(page);
    expect(dialog.data.visible).toBe(true);
    await typeInto(page, '.quota-input', '3', bridge);
    await dialog.confirm();
    expect(dialog.data.error).toBe('请填写调整原因（至少4个字）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('setQuota');

    await dialog.type('两新组织青年人才集中');
    await dialog.confirm();
    expect(dialog.data.visible).toBe(false);
    expect(bridge.calls.find((c) => c.action === 'setQuota')?.data).toEqual({
      unitId: 'yuecheng-tech',
      quota: 3,
      reason: '两新组织青年人才集中',
    });
    expect(toastOf(page).message).toBe('已将越城区智造科技有限公司的名额调整为 3 名');
    expect(textOf(page)).toContain('已调整为 3 名（建议 1 名）：两新组织青年人才集中');
    expect(page.data.items.find((q) => q.unitId === 'yuecheng-tech')).toMatchObject({ limit: 3, overridden: true });
  });

  it('refuses a quota that is not a whole number', async () => {
    const page = await open();
    await adjust(page, 'yuecheng-tech');
    await typeInto(page, '.quota-input', '', bridge);
    await dialogOf(page).type('调整');
    await dialogOf(page).confirm();
    expect(dialogOf(page).data.error).toBe('请填写 0–500 之间的整数名额');
  });

  it('explains QUOTA.BELOW_USED in the dialog', async () => {
    await setQuota(bridge, 'yuecheng-tech', 2);
    for (const id of await addNominations(bridge.deps, 'yuecheng-tech', 2)) await approve(bridge, id);
    const page = await open();
    await adjust(page, 'yuecheng-tech');
    await typeInto(page, '.quota-input', '1', bridge);
    await dialogOf(page).type('压缩名额');
    await dialogOf(page).confirm();
    expect(dialogOf(page).data.visible).toBe(true);
    expect(textOf(find(page, ['.quota-dialog', '.dialog-error']))).toBe('名额不能少于已通过人数（2名）');
  });

  it('shows a unit admin its own quota without the adjust button', async () => {
    await setQuota(bridge, 'yuecheng-tech', 2);
    bridge.setOpenid(UNIT_ADMIN);
    const page = await open();
    expect(cards(page)).toHaveLength(1);
    expect(page.data.canAdjust).toBe(false);
    expect(page.querySelector('.adjust')).toBeUndefined();
    expect(textOf(page)).toContain('已调整为 2 名（建议 1 名）：测试调整');
  });

  it('pages the city 20 at a time and filters by district', async () => {
    bridge.setOpenid(CITY_ADMIN);
    const page = await open();
    expect(cards(page)).toHaveLength(20);
    expect(page.data).toMatchObject({ total: 48, hasMore: true });
    await tapButton(page, '.load-more', bridge);
    expect(cards(page)).toHaveLength(40);
    (page.instance.onReachBottom as () => void).call(page.instance);
    await bridge.idle();
    expect(cards(page)).toHaveLength(48);
    expect(page.data.hasMore).toBe(false);
    expect(textOf(page)).toContain('没有更多了');

    expect(chipLabels(page, '.district-chips')[0]).toBe('全市');
    await tapChip(page, '.district-chips', '新昌县', bridge);
    expect(cards(page)).toHaveLength(7);
    expect(textOf(page)).toContain('新昌县智造科技有限公司');
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(cards(page)).toHaveLength(7);
  });
});
