/**
 * A squatted ID number resolved in the browser preview (issue 8 §6): another unit's recommendation of 李明's
 * number is refused and flags 李明's record as contested; his unit's reviewer sees the flag; the district voids
 * the record with a reason in the review detail; the other unit can then nominate the number. Real pages, real
 * functions, embedded store.
 */
import type { NominationDoc } from '../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../scripts/local/functions';
import { demoForm, demoIdNumber } from '../../scripts/local/seed';
import { type Preview, switchPersona, usePreview } from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: a squatted ID number is contested and voided', () => {
  let liId = '';
  const LI_NUMBER = demoIdNumber('330602', '1995-03-15', 123);
  /** 孙主任 (越城区人民政府办公室) recommends the person whose number 李明's record holds. */
  const nominateByGov = () =>
    FUNCTIONS.nomination.handle(
      {
        action: 'nominateByUnit',
        data: {
          unitId: 'yuecheng-gov',
          form: demoForm({ name: '李明', idNumber: LI_NUMBER, phone: '13900001234', post: '科员' }),
          consentObtained: true,
        },
      },
      { openid: 'dev-unit-admin-gov' },
      p.deps,
    );

  const flow = usePreview(async (p) => {
    const [li] = await p.deps.store.collection<NominationDoc>('nominations').find({ youthOpenid: 'dev-youth-li' });
    liId = li._id;
  });
  const { phone, title } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });

  async function openDetail(): Promise<void> {
    await p.page.evaluate((id) => {
      (globalThis as unknown as { wx: { reLaunch(o: { url: string }): void } }).wx.reLaunch({
        url: `/package-admin/pages/review/detail/index?id=${encodeURIComponent(id)}`,
      });
    }, liId);
    await title().filter({ hasText: '推荐详情' }).waitFor();
  }

  it('another unit is told where the record is, and the holding unit sees the number contested', async () => {
    const refused = await nominateByGov();
    expect(refused).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({
          code: 'NOMINATION.DUPLICATE',
          details: { heldByUnit: '越城区智造科技有限公司', heldStatus: 'submitted' },
        }),
      }),
    );
    await switchPersona(p.page, '陈管理员');
    await openDetail();
    await phone()
      .getByText(/该身份证号存在争议：本期另有1次推荐因号码重复被拒/)
      .waitFor();
    expect(await phone().getByText('作废此记录（如身份证号被冒用）').count()).toBe(0);
  });

  it('the district voids the record with a reason, and the other unit can nominate the number', async () => {
    await switchPersona(p.page, '赵书记');
    await openDetail();
    await phone().getByText('作废此记录（如身份证号被冒用）').click({ force: true });
    await phone()
      .getByText(/该身份证号可由其所在单位重新推荐/)
      .waitFor();
    await phone().getByPlaceholder('如：经核实该身份证号被他人冒用').fill('经核实该身份证号被他人冒用');
    await phone().locator('wx-button', { hasText: '确定' }).last().click({ force: true });
    await phone().locator('status-tag', { hasText: '已作废' }).first().waitFor();
    const voided = await p.deps.store.collection<NominationDoc>('nominations').get(liId);
    expect(voided?.status).toBe('voided');
    expect(await nominateByGov()).toEqual(expect.objectContaining({ ok: true }));
  });
});
