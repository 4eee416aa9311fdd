import { loadPage, openPage, tapButton, textOf, typeInto, useBridge } from '../../../../../support/cloud-bridge';
import { approveLi, run, UNIT_ADMIN } from '../../../../package-cultivation/support';

const bridge = useBridge({ openid: 'dev-city-admin' });
const HONOURS = loadPage('package-admin/pages/cultivation/honours/index');

describe('评优评先', () => {
  it('the city opens a campaign; a unit reads its ranked shortlist and opens a youth’s Word form', async () => {
    await approveLi(bridge);
    const city = await openPage(HONOURS, bridge, {});
    expect(textOf(city)).toContain('暂无进行中的评选');
    city.querySelectorAll('.honour')[2].dispatchEvent('tap'); // 优秀共青团员
    await bridge.idle();
    city.querySelectorAll('.status')[2].dispatchEvent('tap'); // 共青团员
    await bridge.idle();
    await typeInto(city, '.max-age', '35', bridge);
    await tapButton(city, '.create-campaign', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '发起评选' }));
    expect(textOf(city)).toContain('条件：政治面貌：共青团员 · 截至');
    expect(textOf(city)).toContain('李明');

    bridge.setOpenid(UNIT_ADMIN);
    const unit = await openPage(HONOURS, bridge, {});
    expect(unit.querySelector('.create-campaign')).toBeUndefined();
    expect(textOf(unit)).toContain('1. 李明');
    await tapButton(unit, '.make-form', bridge);
    const calls = bridge.calls.filter((c) => c.action === 'campaignForm');
    expect(calls).toHaveLength(1);
    expect(await bridge.deps.store.collection('exports').count({})).toBe(1);
  });

  it('a years-in-post criterion leaves out a 好青年 without 任现岗位时间, and says so', async () => {
    await approveLi(bridge); // 李明 has no youth record, so no post start date
    const city = await openPage(HONOURS, bridge, {});
    city.querySelectorAll('.honour')[4].dispatchEvent('tap'); // 青年岗位能手
    await bridge.idle();
    await typeInto(city, '.min-years', '3', bridge);
    expect(textOf(city)).toContain('未登记任现岗位时间的好青年不列入名单');
    await tapButton(city, '.create-campaign', bridge);
    expect(bridge.calls.find((c) => c.action === 'createCampaign')?.data).toMatchObject({ minYearsInPost: 3 });
    const text = textOf(city);
    expect(text).toContain('任现岗位满3年（未登记任现岗位时间的不列入）');
    expect(text).toContain('暂无符合条件的好青年');
    expect(text).toContain('另有 1 名好青年未登记任现岗位时间，未列入（本人可在“我的数据”中填写）');
  });

  it('a youth is refused in Chinese', async () => {
    await run(bridge, 'cultivation', 'dev-city-admin', 'campaigns', {});
    bridge.setOpenid('dev-youth-li');
    const page = await openPage(HONOURS, bridge, {});
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });
});
