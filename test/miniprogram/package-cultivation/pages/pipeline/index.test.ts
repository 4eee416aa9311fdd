import { loadPage, openPage, textOf, useBridge } from '../../../../support/cloud-bridge';
import { approveLi, run, today, UNIT_ADMIN } from '../../support';

const bridge = useBridge({ openid: 'dev-district-admin' });
const PIPELINE = loadPage('package-cultivation/pages/pipeline/index');

describe('推优入党', () => {
  it('the district sees the pipeline with the 好青年 marked, counts per stage and the unit’s separate quota', async () => {
    const id = await approveLi(bridge);
    await run(bridge, 'cultivation', 'dev-district-admin', 'setPartyQuota', {
      unitId: 'yuecheng-tech',
      year: Number(today(bridge).slice(0, 4)),
      limit: 2,
      reason: '区委组织部单列名额',
    });
    await run(bridge, 'cultivation', UNIT_ADMIN, 'startParty', { nominationId: id, date: today(bridge) });
    const page = await openPage(PIPELINE, bridge, {});
    const text = textOf(page);
    expect(text).toContain('李明');
    expect(text).toContain('好青年');
    expect(text).toContain('入党申请人');
    // The stages drawn as bars, one value per stage in the table's order.
    expect(page.querySelector('.stage-chart')!.data).toMatchObject({
      type: 'bar',
      unit: '人',
      categories: ['入党申请人', '已推优', '入党积极分子', '发展对象', '预备党员', '正式党员'],
      series: [{ name: '人数', data: [1, 0, 0, 0, 0, 0] }],
    });
    bridge.setOpenid(UNIT_ADMIN);
    const unit = await openPage(PIPELINE, bridge, {});
    expect(textOf(unit)).toContain('推优名额单列：已用 0 / 2');
  });

  it('an empty pipeline says so', async () => {
    const page = await openPage(PIPELINE, bridge, {});
    expect(textOf(page)).toContain('暂无入党培养记录');
    expect(page.querySelector('.stage-chart')!.data).toMatchObject({ categories: [] });
  });
});
