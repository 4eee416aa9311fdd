import { DEFAULT_EXPERTISE } from '../../../../../../miniprogram/core/mentoring';
import { areasOf } from '../../../../../../miniprogram/package-admin/lib/expertise';
import { loadPage, openPage, tapButton, toastOf, typeInto, useBridge } from '../../../../../support/cloud-bridge';
import { CITY_ADMIN } from '../../../../package-mentor/support';

const bridge = useBridge({ openid: CITY_ADMIN });
const EXPERTISE = loadPage('package-admin/pages/mentoring/expertise/index');

interface ExpertiseData {
  text: string;
  count: number;
  formError: string;
}
const open = () => openPage<ExpertiseData>(EXPERTISE, bridge);

describe('擅长领域清单', () => {
  it('opens on the current list and saves the edited one after a confirmation', async () => {
    const page = await open();
    expect(page.data.count).toBe(DEFAULT_EXPERTISE.length);
    await typeInto(page, '.areas', '黄酒产业\n纺织印染\n\n黄酒产业\n 数字化改革 ', bridge);
    expect(page.data.count).toBe(3);
    await tapButton(page, '.save-areas', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存清单' }));
    expect(toastOf(page).message).toBe('擅长领域清单已保存');
    const options = await bridge.deps.store
      .collection<{ _id: string; items: string[] }>('mentoringSettings')
      .get('expertise');
    expect(options?.items).toEqual(['黄酒产业', '纺织印染', '数字化改革']);
  });

  it('refuses an empty list and an area too long, in Chinese, sending nothing', async () => {
    const page = await open();
    await typeInto(page, '.areas', '  \n', bridge);
    await tapButton(page, '.save-areas', bridge);
    expect(page.data.formError).toBe('请至少填写一个擅长领域');
    expect(areasOf('一个非常非常非常非常长的领域名称').error).toBe(
      '“一个非常非常非常非常长的领域名称”超过12个字，请精简',
    );
    expect(bridge.calls.map((c) => c.action)).not.toContain('saveExpertise');
  });
});
