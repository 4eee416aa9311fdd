import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { loadPage, openPage, textOf, useBridge } from '../../../../../support/cloud-bridge';
import { CITY_ADMIN } from '../support';

const bridge = useBridge({ openid: CITY_ADMIN });
const PAGE = loadPage('package-admin/pages/admin/audit/index');

describe('the city audit view', () => {
  it('shows who saw which full number, when and why, without the number', async () => {
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    const shown = await FUNCTIONS.nomination.handle(
      { action: 'reveal', data: { nominationId: li._id, field: 'phone', reason: '电话联系本人' } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    expect(shown.ok).toBe(true);
    const page = await openPage(PAGE, bridge);
    const text = textOf(page);
    expect(text).toContain('查看完整手机号 · 李明');
    expect(text).toContain('陈管理员');
    expect(text).toContain('理由：电话联系本人');
    expect(text).not.toContain('13800001234');
  });

  it('refuses a district admin in Chinese', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await openPage(PAGE, bridge);
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });
});
