import { find, loadPage, openPage, tapButton, textOf, typeInto, useBridge } from '../../../../../support/cloud-bridge';
import { addNominations } from '../../../../../support/nominees';

const bridge = useBridge({ openid: 'someone-public' });
const OBJECT = loadPage('package-notice/pages/notice/object/index');

interface ObjectData {
  done: boolean;
  error: string;
  requestId: string;
}
const open = (query: Record<string, string>) => openPage<ObjectData>(OBJECT, bridge, query);
const CONTENT = '据了解该同志并非本单位在编人员，请核实。';

async function approvedYouth(): Promise<string> {
  const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1, { status: 'approved' });
  return id;
}

const objections = () =>
  bridge.deps.store.collection<{ _id: string; content: string; contact: string | null }>('objections').find({});

describe('objection form', () => {
  // Issue 9 §17: the notice asks for 实名反映, so the form asks for the name and the handler sees it.
  it('asks for the objector’s name and keeps it with the objection', async () => {
    const id = await approvedYouth();
    const page = await open({ id: encodeURIComponent(id) });
    await typeInto(page, '.content-input', CONTENT, bridge);
    await tapButton(page, '.submit', bridge);
    expect(textOf(find(page, '.submit-error'))).toBe('请填写您的姓名');
    expect(bridge.calls.map((c) => c.action)).not.toContain('object');
    await typeInto(page, '.objector-input', '赵群众', bridge);
    await tapButton(page, '.submit', bridge);
    const [stored] = (await objections()) as unknown as Array<{ objectorName: string }>;
    expect(stored.objectorName).toBe('赵群众');
  });

  it('asks for at least 10 characters before sending', async () => {
    const id = await approvedYouth();
    const page = await open({ id: encodeURIComponent(id), name: encodeURIComponent('王晓明') });
    expect(textOf(page)).toContain('对王晓明的异议');
    await typeInto(page, '.content-input', '不符合条件', bridge);
    await tapButton(page, '.submit', bridge);
    expect(textOf(find(page, '.submit-error'))).toBe('请具体说明异议内容（至少10个字）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('object');
  });

  it('refuses a contact that is not a phone before sending (issue 9 §8)', async () => {
    const id = await approvedYouth();
    const page = await open({ id: encodeURIComponent(id) });
    await typeInto(page, '.objector-input', '赵群众', bridge);
    await typeInto(page, '.content-input', CONTENT, bridge);
    await typeInto(page, '.contact-input', 'abc不是电话', bridge);
    await tapButton(page, '.submit', bridge);
    expect(textOf(find(page, '.submit-error'))).toBe('联系方式格式不正确');
    expect(bridge.calls.map((c) => c.action)).not.toContain('object');
  });

  it('sends the objection with the optional contact and thanks the person', async () => {
    const id = await approvedYouth();
    const page = await open({ id: encodeURIComponent(id), name: encodeURIComponent('王晓明') });
    await typeInto(page, '.objector-input', '赵群众', bridge);
    await typeInto(page, '.content-input', CONTENT, bridge);
    await typeInto(page, '.contact-input', '13900001111', bridge);
    await tapButton(page, '.submit', bridge);
    expect(bridge.calls.find((c) => c.action === 'object')).toMatchObject({
      name: 'notice',
      action: 'object',
      data: { nominationId: id, objectorName: '赵群众', content: CONTENT, contact: '13900001111' },
    });
    expect(page.data.done).toBe(true);
    expect(textOf(page)).toContain('感谢您的监督');
    // The objector may subscribe to the outcome (issue 10, issue 9 §1): it goes to their message centre anyway.
    expect(textOf(page)).toContain('处理结果提醒');
    const [stored] = (await objections()) as unknown as Array<{ content: string; contactEnc: string }>;
    expect(stored.content).toBe(CONTENT);
    // Kept, but encrypted at rest like every phone.
    expect(bridge.deps.crypto.decrypt(stored.contactEnc)).toBe('13900001111');

    await tapButton(page, '.back', bridge);
    expect(bridge.nav.navigateBack).toHaveBeenCalled();
  });

  it('a retry after a lost answer reuses the request id: one objection is stored', async () => {
    const id = await approvedYouth();
    const page = await open({ id: encodeURIComponent(id) });
    await typeInto(page, '.objector-input', '赵群众', bridge);
    await typeInto(page, '.content-input', CONTENT, bridge);
    bridge.loseNextAnswer();
    await tapButton(page, '.submit', bridge);
    expect(textOf(find(page, '.submit-error'))).toBe('网络异常，请检查网络后重试');
    await tapButton(page, '.submit', bridge);
    expect(page.data.done).toBe(true);
    const sent = bridge.calls.filter((c) => c.action === 'object');
    expect(sent).toHaveLength(2);
    expect(sent[1].requestId).toBe(sent[0].requestId);
    expect(await objections()).toHaveLength(1);
  });

  it('explains a youth no longer in the notice', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1); // submitted, not public
    const page = await open({ id: encodeURIComponent(id) });
    await typeInto(page, '.objector-input', '赵群众', bridge);
    await typeInto(page, '.content-input', CONTENT, bridge);
    await tapButton(page, '.submit', bridge);
    expect(textOf(find(page, '.submit-error'))).toBe('未找到该推荐记录');
    expect(page.data.done).toBe(false);
  });

  it('needs a WeChat identity, and says so in Chinese', async () => {
    const id = await approvedYouth();
    bridge.setOpenid(null);
    const page = await open({ id: encodeURIComponent(id) });
    await typeInto(page, '.objector-input', '赵群众', bridge);
    await typeInto(page, '.content-input', CONTENT, bridge);
    await tapButton(page, '.submit', bridge);
    expect(textOf(find(page, '.submit-error'))).toBe('无法识别您的微信身份，请重新进入小程序');
  });

  it('opened without a youth, explains where to come from', async () => {
    const page = await open({});
    expect(textOf(page)).toContain('未指定公示人员，请从公示名单进入');
  });
});
