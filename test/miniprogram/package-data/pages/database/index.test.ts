import { loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const DATABASE = loadPage('package-data/pages/database/index');

interface DatabaseData {
  items: Array<{ title: string }>;
  stale: Array<{ unitId: string; stale: number; active: number }>;
  total: number;
}

describe('青年库', () => {
  it('lists the unit’s youths, its stale records, and reminds them with one tap once a day', async () => {
    const page = await openPage<DatabaseData>(DATABASE, bridge);
    expect(page.data.total).toBe(4);
    expect(page.data.stale).toEqual([expect.objectContaining({ unitId: 'yuecheng-tech', stale: 3, active: 4 })]);
    expect(textOf(page)).toContain('超过一年未确认');
    await tapButton(page, '.remind', bridge);
    expect(toastOf(page).message).toBe('已提醒 1 人，2 人未注册需线下联系');
    await tapButton(page, '.remind', bridge);
    expect(toastOf(page).message).toBe('今日已提醒过该单位');
    page.querySelectorAll('.tab')[1].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.total).toBe(0);
    expect(textOf(page)).toContain('暂无');
  });
});
