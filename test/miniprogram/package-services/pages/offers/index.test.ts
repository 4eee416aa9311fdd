import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-city-admin' });
const OFFERS = loadPage('package-services/pages/offers/index');

interface Data {
  formError: string;
  items: Array<{ title: string; figures: string }>;
}

describe('政策找人 (offers)', () => {
  it('publishes an offer with criteria after a confirmation and shows how many it reached, never who', async () => {
    const page = await openPage<Data>(OFFERS, bridge);
    expect(textOf(page)).toContain('还没有发布政策。发布后，符合条件的青年会收到通知。');
    await tapButton(page, '.compose', bridge);
    await tapButton(page, '.publish', bridge);
    expect(page.data.formError).toBe('请填写政策名称（至少4个字）');
    await typeInto(page, '.offer-title', '人才安居补贴申领', bridge);
    await typeInto(page, '.offer-description', '本科及以上学历青年人才可申领安居补贴', bridge);
    await typeInto(page, '.offer-closes', '2099-12-31', bridge);
    await tapButton(page, '.publish', bridge);
    expect(page.data.formError).toBe('请选择申请后对应的服务类型');
    page
      .querySelectorAll('.chip')
      .find((c) => textOf(c) === '人才政策兑现')!
      .dispatchEvent('tap');
    page
      .querySelectorAll('.chip')
      .find((c) => textOf(c) === '大学本科')!
      .dispatchEvent('tap');
    await bridge.idle();
    await tapButton(page, '.publish', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布政策' }));
    // 李明's record (大学本科) is the only one in the demo data.
    expect(toastOf(page).message).toBe('已发布，触达 1 人');
    expect(page.data.items).toEqual([
      expect.objectContaining({ title: '人才安居补贴申领', figures: '触达 1 人 · 申请 0 人' }),
    ]);
    expect(textOf(page)).not.toContain('李明');
  });
});
