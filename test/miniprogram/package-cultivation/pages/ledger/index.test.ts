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
    // Drawn as rings, the numbers one tap away (the kit's 查看数据); a unit's own view has no per-unit bars.
    expect(page.querySelector('.talk-chart')!.data).toMatchObject({
      type: 'ring',
      unit: '人',
      categories: ['近六个月已谈心', '近六个月未谈心'],
      series: [{ name: '好青年', data: [0, 1] }],
    });
    expect(page.querySelector('.measured-chart')!.data).toMatchObject({
      categories: ['一年内有培养措施', '一年无培养措施'],
      series: [{ name: '好青年', data: [0, 1] }],
    });
    expect(page.querySelector('.units-chart')).toBeFalsy();
    await run(bridge, 'cultivation', UNIT_ADMIN, 'recordMeasure', { nominationId: id, measure: talk(today(bridge)) });
    const again = await openPage(LEDGER, bridge, { filter: 'idle' });
    text = textOf(again);
    expect(text).toContain('近六个月与单位负责人谈心交流：1 人（100%）');
    expect(text).toContain('没有符合条件的好青年');
    expect(again.querySelector('.talk-chart')!.data).toMatchObject({ series: [{ data: [1, 0] }] });
    expect(again.querySelector('.measured-chart')!.data).toMatchObject({ series: [{ data: [1, 0] }] });
  });

  it('the district sees its units’ figures', async () => {
    await approveLi(bridge);
    bridge.setOpenid('dev-district-admin');
    const page = await openPage(LEDGER, bridge, {});
    expect(textOf(page)).toContain('越城区智造科技有限公司');
    expect(page.querySelectorAll('.unit-row').length).toBeGreaterThan(0);
    // Each unit's talk share as a horizontal bar, in the order of the list.
    const units = page.querySelector('.units-chart')!.data as { type: string; unit: string; categories: string[] };
    expect(units).toMatchObject({ type: 'hbar', unit: '%' });
    expect(units.categories).toContain('越城区智造科技有限公司');
    expect(units.categories).toEqual(page.querySelectorAll('.unit-row__name').map((n) => textOf(n)));
    expect(units).toMatchObject({ series: [{ name: '近六个月谈心占比', data: units.categories.map(() => 0) }] });
  });
});
