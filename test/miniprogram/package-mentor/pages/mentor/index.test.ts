import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';
import { tapNth } from '../../../package-admin/pages/admin/support';
import { MENTOR, nameOf, published, selectedYouths } from '../../support';

const bridge = useBridge({ openid: MENTOR });
const MENTOR_PAGE = loadPage('package-mentor/pages/mentor/index');

interface MentorData {
  profile: { complete: boolean; load: string } | null;
  items: Array<{ id: string; status: string; declining: boolean; reasonError: string }>;
}
const open = () => openPage<MentorData>(MENTOR_PAGE, bridge);

describe('导师服务', () => {
  it('shows the profile and says when no youth is paired yet', async () => {
    const page = await open();
    expect(page.data.profile).toMatchObject({ complete: true, load: '0/3' });
    expect(textOf(page)).toContain('暂无结对青年。团组织发布结对后，您会收到通知。');
    await tapButton(page, '.edit-profile', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-mentor/pages/profile/index' }),
    );
  });

  it('asks a mentor without a profile to complete it first', async () => {
    await bridge.deps.store.collection('mentors').deleteOne({ _id: MENTOR });
    const page = await open();
    expect(textOf(page)).toContain('请先完善导师资料');
  });

  it('confirms a published match after a confirmation', async () => {
    const [a] = await selectedYouths(bridge, 1);
    await published(bridge, a);
    const page = await open();
    expect(textOf(page)).toContain(`${await nameOf(bridge, a)} · 越城区智造科技有限公司`);
    expect(textOf(page)).toContain('发展目标：金融服务；想了解普惠金融');
    await tapNth(page, '.accept', 0, bridge);
    expect(page.data.items[0].status).toBe('结对中');
    expect(page.querySelector('.accept')).toBeUndefined();
    expect(toastOf(page).message).toBe('已确认结对');
  });

  it('declines only with a reason; the youth leaves the list', async () => {
    const [a] = await selectedYouths(bridge, 1);
    await published(bridge, a);
    const page = await open();
    await tapNth(page, '.decline', 0, bridge);
    await tapNth(page, '.decline-confirm', 0, bridge);
    expect(page.data.items[0].reasonError).toBe('请填写婉拒原因');
    expect(bridge.calls.map((c) => c.action)).not.toContain('decline');
    await typeInto(page, '.decline-reason', '近期出差较多', bridge);
    await tapNth(page, '.decline-confirm', 0, bridge);
    expect(page.data.items).toHaveLength(0);
    expect(toastOf(page).message).toBe('已婉拒，团组织将另行安排');
  });
});
