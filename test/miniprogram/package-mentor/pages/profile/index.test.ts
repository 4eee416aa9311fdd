import { C, type MentorDoc } from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';
import { MENTOR } from '../../support';

const bridge = useBridge({ openid: MENTOR });
const PROFILE = loadPage('package-mentor/pages/profile/index');

interface ProfileData {
  orgName: string;
  sector: string;
  districtId: string;
  errors: Record<string, string>;
  expertiseOptions: Array<{ label: string; checked: boolean }>;
}
const open = () => openPage<ProfileData>(PROFILE, bridge);
const saved = () => bridge.deps.store.collection<MentorDoc>(C.mentors).get(MENTOR);

describe('导师资料', () => {
  it('opens on the saved profile and saves the changes', async () => {
    const page = await open();
    expect(page.data).toMatchObject({ orgName: '绍兴银行', sector: 'finance', districtId: 'yuecheng' });
    await typeInto(page, '.field-org', '绍兴银行柯桥支行', bridge);
    await typeInto(page, '.field-capacity', '5', bridge);
    await typeInto(page, '.field-excluded', '张三，李四', bridge);
    const tags = page.querySelectorAll('.district');
    tags[1].dispatchEvent('tap');
    await bridge.idle();
    await tapButton(page, '.save-profile', bridge);
    expect(toastOf(page).message).toBe('导师资料已保存');
    expect(await saved()).toMatchObject({
      orgName: '绍兴银行柯桥支行',
      capacity: 5,
      excludedNames: ['张三', '李四'],
      districtId: 'keqiao',
    });
  });

  it('says what is missing in Chinese and sends nothing', async () => {
    const page = await open();
    await typeInto(page, '.field-org', '', bridge);
    page.data.expertiseOptions.forEach((o, i) => {
      if (o.checked) page.querySelectorAll('.expertise-tag')[i].dispatchEvent('tap');
    });
    await bridge.idle();
    await tapButton(page, '.save-profile', bridge);
    expect(page.data.errors.orgName).toContain('工作单位');
    expect(page.data.errors.expertise).toBe('擅长领域至少1个');
    expect(bridge.calls.map((c) => c.action)).not.toContain('saveProfile');
    expect(textOf(page)).toContain('擅长领域至少1个');
  });
});
