/**
 * Issue 9 §2 end to end in the browser preview: a self-nomination to a unit without an admin account
 * (越城区青年志愿者协会) is reviewed by its district — home counts only what the district decides on, the queue
 * says who may act and why, the approval is recorded as made on the unit's behalf — and the district invites the
 * unit's admin in one tap, the invitation's code and link shown. Real pages, real functions, embedded store.
 */
import type { NominationDoc } from '../../cloudfunctions/_lib/collections';
import { addNominations } from '../support/nominees';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: the district reviews for a unit without an admin', () => {
  let orphanId: string;
  const flow = usePreview(async (p) => {
    [orphanId] = await addNominations(p.deps, 'yuecheng-social', 1, { seqStart: 800 });
  });
  const { phone, modal, openMiniPage } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });

  it('home counts only what the district decides on', async () => {
    await switchPersona(p.page, '赵书记');
    await openMiniPage('/pages/home/index', '好青年选培');
    // 李明 (智造科技, which has 陈管理员) is not the district's to decide; the society's nomination is.
    await phone().getByText('待审核 1 条').waitFor();
  });

  it('the queue says who may act and why; the district approves for the society, recorded as such', async () => {
    await openMiniPage('/package-admin/pages/review/pending/index', '推荐审核');
    await phone().getByText('共 2 条').waitFor();
    await phone().getByText('本单位审核由单位管理员负责，区县和团市委仅可查看').waitFor();
    const orphan = phone().locator('nomination-card', { hasText: '越城区青年志愿者协会' });
    await orphan.getByText(/本单位尚无管理员账号，由区县团委代为审核/).waitFor();
    await orphan.getByText('本单位名额1名，已通过0名，剩余1名').waitFor();
    await screenshot(p.page, 'district-review-1-queue');
    // One 通过 on the page: the society's.
    await phone()
      .locator('wx-button', { hasText: /^通过$/ })
      .click({ force: true });
    await modal().getByRole('button', { name: '通过' }).click();
    await phone().getByText('共 1 条').waitFor();
    const doc = await p.deps.store.collection<NominationDoc>('nominations').get(orphanId);
    expect(doc?.status).toBe('approved');
    expect(doc?.history.at(-1)).toMatchObject({ action: 'approve', actorName: '赵书记', onBehalf: 'district' });
  });

  it('the district invites the society’s admin in one tap: the code and the link are shown', async () => {
    await openMiniPage('/package-admin/pages/admin/units/index?show=noAdmin', '单位明细');
    const row = phone().locator('wx-view.unit-row', { hasText: '越城区青年志愿者协会' });
    await row.getByText('生成管理员邀请码', { exact: true }).click({ force: true });
    const link = row.locator('.invite-link');
    await link.waitFor();
    const text = (await link.textContent())?.trim() ?? '';
    expect(text).toMatch(/^\/package-youth\/pages\/account\/invite\/index\?code=[A-Z2-9]{11}$/);
    const code = text.split('=')[1];
    await row.getByText(code, { exact: true }).waitFor();
    await screenshot(p.page, 'district-review-2-invite');

    // The link opens the invitation page with the code filled in.
    await switchPersona(p.page, '新用户');
    await openMiniPage(text, '邀请码');
    const input = phone().getByPlaceholder('11位字母或数字');
    await input.waitFor();
    expect(await input.inputValue()).toBe(code);
  });
});
