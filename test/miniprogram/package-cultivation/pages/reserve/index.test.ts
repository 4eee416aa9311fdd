import { loadPage, openPage, textOf, useBridge } from '../../../../support/cloud-bridge';
import { approveLi, run, UNIT_ADMIN } from '../../support';

const bridge = useBridge({ openid: 'dev-district-admin' });
const POOL = loadPage('package-cultivation/pages/reserve/index');

describe('后备干部库', () => {
  it('the district reads the pool: status counts and each move with its reason', async () => {
    const id = await approveLi(bridge);
    await run(bridge, 'cultivation', UNIT_ADMIN, 'nominateReserve', { nominationId: id, reason: '业务骨干，群众公认' });
    await run(bridge, 'cultivation', 'dev-district-admin', 'decideReserve', {
      nominationId: id,
      event: 'admit',
      reason: '经区委研究纳入后备干部库',
    });
    const pool = await openPage(POOL, bridge, {});
    const text = textOf(pool);
    expect(text).toContain('李明');
    expect(text).toContain('1入库');
    expect(text).toContain('单位推荐');
    expect(text).toContain('纳入后备干部库');
    expect(text).toContain('经区委研究纳入后备干部库');
  });

  it('an empty pool says so', async () => {
    const page = await openPage(POOL, bridge, {});
    expect(textOf(page)).toContain('暂无后备干部记录');
  });
});
