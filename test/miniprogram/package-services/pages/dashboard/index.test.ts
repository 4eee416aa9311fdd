import { loadPage, openPage, tap, textOf, useBridge } from '../../../../support/cloud-bridge';
import { arrange, HANDLER, housingRequest, YOUTH } from '../../support';

const bridge = useBridge({ openid: 'dev-city-admin' });
const DASHBOARD = loadPage('package-services/pages/dashboard/index');

describe('服务看板', () => {
  it('the city’s figures per type and per district', async () => {
    const id = await housingRequest(bridge);
    await arrange(bridge, HANDLER, 'accept', { requestId: id });
    await arrange(bridge, HANDLER, 'resolve', { requestId: id, text: '已安排入住人才公寓' });
    await arrange(bridge, YOUTH, 'confirm', { requestId: id, rating: 4 });
    await housingRequest(bridge, '想了解购房补贴政策');
    const page = await openPage(DASHBOARD, bridge);
    const text = textOf(page);
    expect(text).toContain('绍兴市 · 服务申请 2 件');
    expect(text).toContain('满意度 4 分（1 人评价）');
    expect(text).toMatch(/统计自 \d{4}-\d{2}-\d{2} 起提交的申请/); // the window the figures cover
    expect(textOf(page.querySelector('.row')!)).toContain('租房置业2 件');
    // Drawn as charts too, each with its numbers one tap away (the kit's 查看数据).
    const volume = page.querySelector('.volume-chart')!;
    expect(volume.data).toMatchObject({ title: '服务申请量', unit: '件' });
    expect((volume.data as { categories: string[] }).categories.slice(0, 2)).toEqual(['租房置业', '子女教育']);
    const tab = page.querySelectorAll('.tab').find((t) => textOf(t) === '按区县');
    tab!.dispatchEvent('tap');
    await bridge.idle();
    expect(textOf(page)).toContain('越城区2 件');
    expect(page.querySelector('.row')).toBeDefined();
    await arrange(bridge, YOUTH, 'recordVolunteering', { name: '青年志愿者协会', hours: 6 });
    const again = await openPage(DASHBOARD, bridge);
    again
      .querySelectorAll('.tab')
      .find((t) => textOf(t) === '志愿与保障')!
      .dispatchEvent('tap');
    await bridge.idle();
    expect(textOf(again)).toContain('志愿服务 1 人 · 6 小时');
    await tap(again, '.total', bridge);
    // 登记保险与守信激励 is one tap from the coverage figures.
    await tap(again, '.record-link', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-services/pages/insurance/index' }),
    );
  });
});
