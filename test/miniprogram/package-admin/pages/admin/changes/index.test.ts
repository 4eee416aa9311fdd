import { C, type MessageDoc, type YouthDoc } from '../../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../../support/cloud-bridge';
import { reasonDialog } from '../../../../support/reason-dialog';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const CHANGES = loadPage('package-admin/pages/admin/changes/index');

interface ChangesData {
  items: Array<{ id: string; name: string }>;
  total: number;
}

/** Two youths of other units ask to move to 越城区智造科技有限公司; one of them has an account. */
async function arrangeChanges(): Promise<YouthDoc[]> {
  const youths = bridge.deps.store.collection<YouthDoc>(C.youths);
  const [a, b] = await youths.find({ unitId: 'yuecheng-tech' }, { sort: { _id: 1 }, limit: 2 });
  const movers: YouthDoc[] = [a, b].map((y, i) => ({
    ...y,
    _id: `mover-${i + 1}`,
    name: i === 0 ? '周小舟' : '钱小燕',
    unitId: 'yuecheng-gov',
    openid: `dev-mover-${i + 1}`,
    pendingChange: { unitId: 'yuecheng-tech', districtId: 'yuecheng', post: `工程师${i + 1}`, at: new Date() },
    pendingUnitId: 'yuecheng-tech',
  }));
  for (const m of movers) await youths.insert(m);
  return movers;
}

describe('信息变更审核', () => {
  it('refuses a change with the reason the cadre types, which the youth reads; approves another', async () => {
    const [first, second] = await arrangeChanges();
    const page = await openPage<ChangesData>(CHANGES, bridge);
    expect(page.data.total).toBe(2);
    expect(textOf(page)).toContain('待审核 2 条');
    const rejected = page.data.items[0];
    const approved = page.data.items[1];
    await tapButton(page, '.reject', bridge);
    const dialog = reasonDialog(page, '.reject-dialog', bridge);
    expect(dialog.data.title).toBe(`不通过${rejected.name}的信息变更`);
    await dialog.confirm();
    expect(dialog.errorText()).toContain('不通过的原因');
    await dialog.type('经核实本单位无此岗位');
    await dialog.confirm();
    expect(dialog.data.visible).toBe(false);
    expect(toastOf(page).message).toBe('已不予通过，已告知本人');
    expect(page.data.items.map((r) => r.id)).toEqual([approved.id]);
    const refusedDoc = [first, second].find((y) => y._id === rejected.id) as YouthDoc;
    const told = await bridge.deps.store
      .collection<MessageDoc>(C.messages)
      .find({ toOpenid: refusedDoc.openid as string, kind: 'youth.changeDecided' });
    expect(told.map((m) => m.body)).toEqual([expect.stringContaining('经核实本单位无此岗位')]);

    await tapButton(page, '.approve', bridge);
    expect(toastOf(page).message).toBe('已通过');
    expect(page.data.items).toEqual([]);
    expect(textOf(page)).toContain('暂无待审核的信息变更');
    const moved = await bridge.deps.store.collection<YouthDoc>(C.youths).get(approved.id);
    expect(moved).toMatchObject({ unitId: 'yuecheng-tech', pendingChange: null });
  });

  it('tells a district admin that the new unit reviews the change', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await openPage<ChangesData>(CHANGES, bridge);
    expect(textOf(page)).toContain('信息变更由转入单位的管理员审核');
  });
});
