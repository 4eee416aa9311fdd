import { loadPage, openPage, textOf, useBridge } from '../../../../support/cloud-bridge';
import { approveLi, run, talk, today, UNIT_ADMIN } from '../../support';

const bridge = useBridge({ openid: UNIT_ADMIN });
const LEDGER = loadPage('package-cultivation/pages/ledger/index');

describe('培养台账', () => {
  it('a unit admin reads the coverage and the 好青年 to act on', async () => {
    const id = await approveLi(bridge);
    const page = await openPage(LEDGER, bridge, {});
    let text = textOf(page);
    expect(text).toContain('近六个月与单位负责人谈心交流：0 人（0%）');
    expect(text).toContain('李明');
    expect(text).toContain('一年无培养');
    await run(bridge, 'cultivation', UNIT_ADMIN, 'recordMeasure', { nominationId: id, measure: talk(today(bridge)) });
    const again = await openPage(LEDGER, bridge, { filter: 'idle' });
    text = textOf(again);
    expect(text).toContain('近六个月与单位负责人谈心交流：1 人（100%）');
    expect(text).toContain('没有符合条件的好青年');
  });

  it('the district sees its units’ figures', async () => {
    await approveLi(bridge);
    bridge.setOpenid('dev-district-admin');
    const page = await openPage(LEDGER, bridge, {});
    expect(textOf(page)).toContain('越城区智造科技有限公司');
    expect(page.querySelectorAll('.unit-row').length).toBeGreaterThan(0);
  });
});
