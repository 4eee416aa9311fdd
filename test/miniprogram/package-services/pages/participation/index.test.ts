import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const PAGE = loadPage('package-services/pages/participation/index');

interface Data {
  formError: string;
  hours: string;
}

describe('志愿服务与保障', () => {
  it('records volunteering hours and totals them', async () => {
    const page = await openPage<Data>(PAGE, bridge);
    expect(textOf(page)).toContain('还没有记录。参加志愿服务后可在这里登记时长。');
    await tapButton(page, '.record', bridge);
    expect(page.data.formError).toBe('请填写志愿服务组织的名称');
    await typeInto(page, '.vol-name', '绍兴市青年志愿者协会', bridge);
    await typeInto(page, '.vol-hours', '0', bridge);
    await tapButton(page, '.record', bridge);
    expect(page.data.formError).toBe('服务时长为 0.5–500 小时');
    await typeInto(page, '.vol-hours', '4.5', bridge);
    await tapButton(page, '.record', bridge);
    expect(toastOf(page).message).toBe('已记录');
    expect(page.data.hours).toBe('4.5');
    expect(textOf(page)).toContain('绍兴市青年志愿者协会');
    expect(textOf(page)).toContain('志愿服务');
  });
});
