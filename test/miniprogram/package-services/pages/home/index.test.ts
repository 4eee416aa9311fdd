import { loadPage, openPage, tap, tapButton, textOf, useBridge } from '../../../../support/cloud-bridge';
import { arrange, CITY, housingRequest } from '../../support';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const HOME = loadPage('package-services/pages/home/index');

const NONE = { education: [], titles: [], districtIds: [], unitCategories: [], politicalStatus: [], selectedIn: null };

describe('综合服务 (the youth’s entry)', () => {
  it('lists the six services, marks the private ones, and says there is no request yet', async () => {
    const page = await openPage(HOME, bridge);
    const text = textOf(page);
    for (const name of ['租房置业', '子女教育', '婚恋交友', '人才政策兑现', '技能提升', '兴趣培养'])
      expect(text).toContain(name);
    expect(page.querySelectorAll('.type')).toHaveLength(6);
    expect(text).toContain('隐私保护');
    expect(text).toContain('还没有服务申请。选择上方的服务类型即可申请。');
    await tap(page, '.type', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-services/pages/form/index?type=housing' }),
    );
  });

  it('shows my requests with their state and opens one', async () => {
    const id = await housingRequest(bridge);
    const page = await openPage(HOME, bridge);
    expect(textOf(page.querySelector('.request')!)).toContain('租房置业待受理');
    expect(textOf(page.querySelector('.request')!)).toContain('需求：租房 · 意向区域：越城区');
    await tap(page, '.request', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-services/pages/request/index?id=${id}` }),
    );
  });

  it('an offer that found me applies in one tap', async () => {
    const offer = await arrange<{ id: string }>(bridge, CITY, 'publishOffer', {
      title: '人才安居补贴申领',
      description: '青年人才可申领安居补贴',
      typeId: 'talent',
      closesOn: '2099-12-31',
      criteria: NONE,
    });
    bridge.setOpenid('dev-youth-li'); // 李明 has a nomination this period, so the offer reached him
    const page = await openPage(HOME, bridge);
    expect(textOf(page)).toContain('适合您的政策');
    expect(textOf(page)).toContain('人才安居补贴申领');
    await tapButton(page, '.apply', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-services/pages/form/index?type=talent&offer=${offer.id}` }),
    );
  });
});
