import { find, loadPage, openPage, tapButton, textOf, useBridge } from '../../../../support/cloud-bridge';
import { CITY, HANDLER } from '../../support';

const bridge = useBridge({ openid: CITY });
const PAGE = loadPage('package-services/pages/catalogue/index');

interface Data {
  isCity: boolean;
  items: Array<{ id: string; name: string; sensitive: boolean; handlers: string; limit: string; owner: string }>;
}

describe('服务目录与经办人', () => {
  it('shows the city every type with its owner, limit, sensitivity and handlers, and opens the editor', async () => {
    const page = await openPage<Data>(PAGE, bridge);
    expect(page.data.isCity).toBe(true);
    const housing = page.data.items.find((i) => i.id === 'housing');
    expect(housing).toMatchObject({ name: '租房置业', sensitive: false, owner: '由青年所在区县团委办理' });
    expect(housing?.limit).toMatch(/^\d+ 个工作日内办结$/);
    expect(page.data.items.find((i) => i.id === 'dating')?.sensitive).toBe(true);
    expect(textOf(page)).toContain('敏感');
    expect(textOf(page)).toMatch(/经办人 \d+ 人/);
    await tapButton(page, '.edit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-services/pages/type/index?id=${page.data.items[0].id}` }),
    );
    await tapButton(page, '.add', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: `/package-services/pages/type/index?order=${page.data.items.length + 1}` }),
    );
    await tapButton(page, '.handlers', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: `/package-services/pages/handlers/index?id=${page.data.items[0].id}` }),
    );
  });

  it('a district admin sees the catalogue and its own handlers, without editing', async () => {
    bridge.setOpenid(HANDLER);
    const page = await openPage<Data>(PAGE, bridge);
    expect(page.data.isCity).toBe(false);
    expect(page.querySelector('.edit') ?? null).toBeNull();
    expect(page.querySelector('.add') ?? null).toBeNull();
    expect(find(page, '.handlers')).toBeTruthy();
  });
});
