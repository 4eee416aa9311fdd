import { loadPage, openPage, tap, textOf, useBridge } from '../../../../support/cloud-bridge';
import { arrange, HANDLER, housingRequest } from '../../support';

const bridge = useBridge({ openid: HANDLER });
const QUEUE = loadPage('package-services/pages/queue/index');

interface Data {
  items: Array<{ id: string; status: string; overdue: boolean }>;
  overdue: number;
}

describe('服务工单 (the handler’s queue)', () => {
  it('lists the requests to do, filters by state, and opens one', async () => {
    const a = await housingRequest(bridge);
    const b = await housingRequest(bridge, '想了解购房补贴政策');
    await arrange(bridge, HANDLER, 'accept', { requestId: b });
    const page = await openPage<Data>(QUEUE, bridge);
    expect(page.data.items.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(textOf(page)).toContain('张晓青 · 越城区智造科技有限公司');
    const chip = page.querySelectorAll('.chip').find((c) => textOf(c) === '待受理');
    chip!.dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.items.map((r) => r.id)).toEqual([a]);
    await tap(page, '.request', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-services/pages/request/index?id=${a}` }),
    );
  });

  it('says when there is nothing to do', async () => {
    bridge.setOpenid('dev-city-admin'); // the city handles housing only once a district's request escalates
    const page = await openPage<Data>(QUEUE, bridge);
    expect(textOf(page)).toContain('暂无工单');
  });
});
