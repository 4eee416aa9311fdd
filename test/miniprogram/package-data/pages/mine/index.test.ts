import { C, type YouthDoc } from '../../../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../../../scripts/local/functions';
import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const MINE = loadPage('package-data/pages/mine/index');

interface MineData {
  mine: { confirmDue: boolean; record: { pendingChange: unknown } | null } | null;
  errors: Record<string, string>;
}
const open = () => openPage<MineData>(MINE, bridge);

describe('我的数据', () => {
  it('asks for the yearly confirmation and confirms with one tap', async () => {
    const page = await open();
    expect(page.data.mine?.confirmDue).toBe(true);
    expect(textOf(page)).toContain('已满一年未确认');
    expect(textOf(page)).toContain('越城区智造科技有限公司');
    expect(textOf(page)).not.toContain('330602199704082114');
    await tapButton(page, '.confirm', bridge);
    expect(toastOf(page).message).toBe('已确认，谢谢');
    expect(page.data.mine?.confirmDue).toBe(false);
    const doc = await bridge.deps.store.collection<YouthDoc>(C.youths).get('demo-youth-1');
    expect(doc?.lastConfirmedAt.getTime()).toBeGreaterThan(bridge.now.getTime() - 60_000);
  });

  it('a changed post goes to review; a bad phone is explained first', async () => {
    const page = await open();
    await tapButton(page, '.edit', bridge);
    await typeInto(page, '.post', '车间主任', bridge);
    await typeInto(page, '.phone', '12345', bridge);
    await tapButton(page, '.correct', bridge);
    expect(page.data.errors.phone).toBe('请输入11位手机号');
    await typeInto(page, '.phone', '13912345678', bridge);
    await tapButton(page, '.correct', bridge);
    expect(toastOf(page).message).toBe('已提交，待单位审核'); // the same unit reviews it
    expect(textOf(page)).toContain('变更待审核');
    // The unit refuses with a reason: she reads it here (and in the message centre).
    const refused = await FUNCTIONS.registry.handle(
      { action: 'decideChange', data: { youthId: 'demo-youth-1', approve: false, reason: '本单位无此岗位' } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    expect(refused.ok).toBe(true);
    const again = await open();
    expect(textOf(again)).toContain('上次信息变更未通过：本单位无此岗位');
  });

  it('任现岗位时间 is optional and goes to the unit with the post', async () => {
    const page = await open();
    expect(textOf(page)).toContain('任现岗位时间：未填写（评优评先按任职年限筛选时需要）');
    await tapButton(page, '.edit', bridge);
    page.querySelector('.post-since')!.dispatchEvent('change', { detail: { value: '2022-09-01' } });
    await bridge.idle();
    await tapButton(page, '.correct', bridge);
    expect(bridge.calls.find((c) => c.action === 'confirmMine')?.data).toMatchObject({ postSince: '2022-09-01' });
    expect(toastOf(page).message).toBe('已提交，待单位审核'); // the same unit reviews it
    expect(textOf(page)).toContain('变更待审核：越城区智造科技有限公司 · 技术员（2022-09-01起）');
  });

  it('lists what is held, and asks for erasure through the consent withdrawal behind a confirmation', async () => {
    const page = await open();
    expect(textOf(page)).toContain('我们保存的关于您的信息');
    bridge.cancelModals();
    await tapButton(page, '.erase', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('withdrawConsent');
  });
});
