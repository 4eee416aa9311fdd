import {
  find,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { addNominations } from '../../../../../support/nominees';
import { reasonDialog } from '../../../../support/reason-dialog';
import { approve, arrange, DISTRICT_ADMIN, object, tapNth } from '../support';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const OBJECTIONS = loadPage('package-admin/pages/admin/objections/index');

interface ObjectionsData {
  status: string;
  items: Array<{ id: string; youthName: string; disposition: string; mayResolve: boolean }>;
  total: number;
}
const open = () => openPage<ObjectionsData>(OBJECTIONS, bridge);
const dialogOf = (page: SimNode<unknown>) => reasonDialog(page, '.resolve-dialog', bridge);

/** An approved youth of yuecheng-tech with one objection from the public; returns the nomination id. */
async function objected(): Promise<string> {
  const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
  await approve(bridge, id);
  await object(bridge, id, '该同志并非本单位在编人员，推荐材料与实际不符。');
  return id;
}

async function nominationStatus(id: string): Promise<string> {
  const doc = await bridge.deps.store.collection<{ _id: string; status: string }>('nominations').get(id);
  return doc?.status ?? '';
}

describe('objections', () => {
  it('shows an empty state when nothing is pending', async () => {
    const page = await open();
    expect(textOf(page)).toContain('暂无待处理的异议');
  });

  it('lists the objection with the youth, the unit and the content', async () => {
    await objected();
    const page = await open();
    expect(page.data.items).toHaveLength(1);
    const text = textOf(page);
    expect(text).toContain('越城区智造科技有限公司');
    expect(text).toContain('该同志并非本单位在编人员，推荐材料与实际不符。');
    expect(text).toContain('共 1 条');
    expect(page.data.items[0].mayResolve).toBe(true);
  });

  it('dismisses with a required note; the objection moves to 已处理', async () => {
    const id = await objected();
    const page = await open();
    await tapNth(page, '.dismiss', 0, bridge);
    const dialog = dialogOf(page);
    expect(dialog.data).toMatchObject({ visible: true, title: `异议不成立（${page.data.items[0].youthName}）` });
    await dialog.confirm();
    expect(dialog.data.error).toBe('请填写核实情况说明（至少4个字）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('resolveObjection');

    await dialog.type('经核实为在编人员，异议不成立');
    await dialog.confirm();
    expect(bridge.modal).not.toHaveBeenCalled(); // only 成立 changes the selection
    expect(page.data.items).toHaveLength(0);
    expect(toastOf(page).message).toBe('已记录：异议不成立');
    expect(await nominationStatus(id)).toBe('approved');

    find(page, '.tabs').querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.status).toBe('resolved');
    expect(textOf(page)).toContain('异议不成立');
    expect(textOf(page)).toContain('经核实为在编人员，异议不成立');
    expect(page.querySelector('.dismiss')).toBeUndefined();
  });

  it('upholds after a confirmation that the youth is un-selected', async () => {
    const id = await objected();
    const page = await open();
    const youth = page.data.items[0].youthName;
    await tapNth(page, '.uphold', 0, bridge);
    await dialogOf(page).type('经核实不符合在编条件');
    await dialogOf(page).confirm();
    expect(bridge.modal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '确认异议成立',
        content: expect.stringContaining(`异议成立将取消${youth}的入选资格`),
      }),
    );
    expect(bridge.calls.find((c) => c.action === 'resolveObjection')?.data).toMatchObject({
      disposition: 'upheld',
      note: '经核实不符合在编条件',
    });
    expect(toastOf(page).message).toBe(`异议成立，已取消${youth}的入选资格`);
    expect(await nominationStatus(id)).toBe('rejected');
  });

  it('does nothing when the admin cancels the 成立 confirmation', async () => {
    const id = await objected();
    bridge.cancelModals();
    const page = await open();
    await tapNth(page, '.uphold', 0, bridge);
    await dialogOf(page).type('经核实不符合在编条件');
    await dialogOf(page).confirm();
    expect(bridge.calls.map((c) => c.action)).not.toContain('resolveObjection');
    expect(dialogOf(page).data.visible).toBe(true);
    expect(await nominationStatus(id)).toBe('approved');
  });

  it('explains FILING.LOCKED when the list was filed before the objection came', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
    await approve(bridge, id);
    const { items } = await arrange<{ items: Array<{ id: string }> }>(bridge, DISTRICT_ADMIN, 'admin', 'filings', {
      state: 'open',
      page: 1,
      pageSize: 50,
    });
    const district = items.find((f) => f.id.endsWith(':district:yuecheng'))!;
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'file', { filingId: district.id });
    await object(bridge, id);

    const page = await open();
    await tapNth(page, '.uphold', 0, bridge);
    await dialogOf(page).type('经核实不符合在编条件');
    await dialogOf(page).confirm();
    expect(textOf(find(page, ['.resolve-dialog', '.dialog-error']))).toBe(
      '该名单已备案锁定，如需修改请联系区县团委或团市委退回',
    );
    expect(await nominationStatus(id)).toBe('approved');
  });

  it('lets the district follow objections without deciding', async () => {
    await objected();
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(page.data.items).toHaveLength(1);
    expect(page.data.items[0].mayResolve).toBe(false);
    expect(page.querySelector('.uphold')).toBeUndefined();
  });

  it('lets the district decide on an objection about a unit without an admin (issue 9 §2)', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-social', 1, { seqStart: 900 });
    await approve(bridge, id, DISTRICT_ADMIN);
    bridge.setOpenid(DISTRICT_ADMIN);
    await object(bridge, id, '该同志并非本协会在编人员，推荐材料与实际不符。');
    const page = await open();
    expect(page.data.items.map((o) => o.mayResolve)).toEqual([true]);
    await tapNth(page, '.dismiss', 0, bridge);
    await dialogOf(page).type('经核实该同志为本协会在编人员，异议不成立。');
    await dialogOf(page).confirm();
    expect(textOf(page)).toContain('暂无待处理的异议');
  });

  it('refuses someone who administers nothing, in Chinese', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });

  it('shows the network error and recovers on retry', async () => {
    await objected();
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.data.items).toHaveLength(1);
  });
});

describe("the objector's contact (issue 9 §8)", () => {
  it('is shown masked, and whole only through the audited view with a reason', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
    await approve(bridge, id);
    await arrange(bridge, 'someone-public', 'notice', 'object', {
      nominationId: id,
      content: '该同志并非本单位在编人员，推荐材料与实际不符。',
      contact: '13912345678',
    });
    const page = await open();
    expect(textOf(page)).toContain('异议人联系方式：139****5678');
    expect(textOf(page)).not.toContain('13912345678');
    await tapButton(page, '.reveal-contact', bridge);
    await dialogOf(page).type('核对');
    await dialogOf(page).confirm();
    expect(dialogOf(page).errorText()).toBe('请填写查看理由（至少4个字）');
    await dialogOf(page).type('电话核实异议情况');
    await dialogOf(page).confirm();
    expect(textOf(find(page, '.revealed-contact'))).toBe('异议人联系方式：13912345678（本次查看已记录）');
  });
});
