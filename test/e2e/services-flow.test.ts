/**
 * Services end to end in the browser preview (issue 12): 张晓青 requests housing help on the phone; 赵书记, the
 * district's housing handler, accepts it from the queue, posts a status note and resolves it; 张晓青 reads each
 * step in the message centre and rates the resolution, and 赵书记 is told. Real pages, real functions, embedded
 * store.
 */
import { C, type ServiceRequestDoc } from '../../cloudfunctions/_lib/collections';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(90_000);

describe('browser preview: a youth asks for housing help → the district handles it → the youth rates it', () => {
  const flow = usePreview();
  const { phone, title, modal, openMiniPage } = flow;
  let p: Preview;
  let requestId = '';

  beforeAll(() => {
    p = flow.p;
  });

  async function messages(): Promise<void> {
    await openMiniPage('/pages/messages/index', '消息中心');
  }

  it('张晓青 requests housing help in a few taps', async () => {
    await switchPersona(p.page, '张晓青');
    await openMiniPage('/pages/home/index', '好青年选培');
    await phone().getByText('申请服务', { exact: true }).click({ force: true });
    await title().filter({ hasText: '综合服务' }).waitFor();
    await phone().getByText('还没有服务申请。选择上方的服务类型即可申请。').waitFor();
    await screenshot(p.page, 'services-1-home');
    await phone().locator('wx-view.type', { hasText: '租房置业' }).click({ force: true });
    await title().filter({ hasText: '租房置业' }).waitFor();
    for (const choice of ['租房', '越城区', '2000–4000元/月'])
      await phone().locator('wx-view.choice', { hasText: choice }).first().click({ force: true });
    await phone().getByPlaceholder('简要说明您的情况和希望得到的帮助').fill('刚来绍兴工作，想申请人才公寓');
    // A photo of the rental contract, through the preview's file picker and the dev file store.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9)]);
    const chooser = p.page.waitForEvent('filechooser');
    await phone().locator('wx-button', { hasText: '添加照片' }).click({ force: true });
    await (await chooser).setFiles({ name: 'contract.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await phone().getByText('已上传', { exact: true }).waitFor();
    await screenshot(p.page, 'services-2-form');
    await phone().getByText('提交申请', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '提交' }).click();
    await title().filter({ hasText: '服务申请详情' }).waitFor();
    await phone().getByText('待受理').first().waitFor();
    const [doc] = await p.deps.store.collection<ServiceRequestDoc>(C.serviceRequests).find({});
    requestId = doc._id;
    expect(doc).toMatchObject({ youthOpenid: 'dev-youth-zhang', ownerOrgId: 'yuecheng', status: 'submitted' });
    expect(doc.attachments).toEqual([expect.stringMatching(/^local:\/\/uploads-[0-9a-f]{24}-/)]);
  });

  it('赵书记 accepts it from the queue, posts a status note and resolves it', async () => {
    await switchPersona(p.page, '赵书记');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await phone().getByText('服务工单', { exact: true }).click({ force: true });
    await title().filter({ hasText: '服务工单' }).waitFor();
    // The photo comes through a link issued to this handler (the dev server serves nothing else).
    const served = p.page.waitForResponse((r) => r.url().includes('/files/uploads-'));
    await phone().locator('wx-view.request', { hasText: '租房置业' }).click({ force: true });
    await title().filter({ hasText: '服务申请详情' }).waitFor();
    await phone().getByText('刚来绍兴工作，想申请人才公寓').waitFor();
    await phone().getByText('照片 1', { exact: true }).waitFor();
    expect((await served).status()).toBe(200);
    await phone().getByText('受理', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '受理' }).click();
    await phone().getByText('已受理', { exact: true }).waitFor();
    await phone().getByText('填写办理进展', { exact: true }).click({ force: true });
    await phone().getByPlaceholder('如：已联系人才公寓运营方，下周安排看房').fill('已联系人才公寓运营方，下周三可看房');
    await phone().getByText('提交', { exact: true }).click({ force: true });
    await phone().getByText('办理中', { exact: true }).waitFor();
    await phone().getByText('办结', { exact: true }).click({ force: true });
    await phone().getByPlaceholder('说明为申请人做了什么').fill('已安排入住越城区人才公寓');
    await phone().getByText('提交', { exact: true }).click({ force: true });
    await phone().getByText('已办结', { exact: true }).waitFor();
    await screenshot(p.page, 'services-3-handler');
  });

  it('张晓青 reads every step in the message centre and rates the resolution; 赵书记 is told', async () => {
    await switchPersona(p.page, '张晓青');
    await messages();
    await phone().getByText('您的租房置业服务申请已受理，正在办理。').waitFor();
    await phone().getByText('您的租房置业服务申请有新进展：已联系人才公寓运营方，下周三可看房').waitFor();
    await phone()
      .getByText(/您的租房置业服务申请已办结：已安排入住越城区人才公寓/)
      .click({ force: true });
    await title().filter({ hasText: '服务申请详情' }).waitFor();
    await phone().getByText('确认并评价', { exact: true }).click({ force: true });
    await phone().locator('wx-view.star', { hasText: '5星' }).click({ force: true });
    await phone().getByPlaceholder('说说您的感受').fill('办得很快，谢谢');
    await phone().getByText('提交', { exact: true }).click({ force: true });
    await phone().getByText('已评价', { exact: true }).waitFor();
    await screenshot(p.page, 'services-4-rated');
    const doc = await p.deps.store.collection<ServiceRequestDoc>(C.serviceRequests).get(requestId);
    expect(doc).toMatchObject({ status: 'closed', rating: 5 });
    await switchPersona(p.page, '赵书记');
    await messages();
    await phone().getByText('申请人已确认租房置业服务办结，满意度5星。').waitFor();
  });

  it('周部长 reads the figures on the phone: charts per type, the numbers one tap away', async () => {
    await switchPersona(p.page, '周部长');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await phone().getByText('服务看板', { exact: true }).click({ force: true });
    await title().filter({ hasText: '服务看板' }).waitFor();
    await phone().getByText('绍兴市 · 服务申请 1 件').waitFor();
    await phone().getByText('满意度 5 分（1 人评价）').first().waitFor();
    await phone().getByText('服务申请量', { exact: true }).waitFor();
    await screenshot(p.page, 'services-5-dashboard');
  });
});
