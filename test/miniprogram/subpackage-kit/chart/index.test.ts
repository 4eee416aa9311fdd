/**
 * `<chart>`: loading and empty states, the text alternative on the figure, and
 * the numbers one tap away (查看数据 ↔ 收起数据). jsdom has no 2d canvas, so
 * nothing is drawn here; the browser preview test reads the pixels back.
 */
import { find, loadPage, openPage, tap, textOf, useBridge } from '../../../support/cloud-bridge';

const bridge = useBridge({ openid: null, seed: false });
const CHART = loadPage('subpackage-kit/chart/index');

const DATA = {
  type: 'hbar',
  title: '两新组织好青年',
  unit: '人',
  categories: ['越城区', '柯桥区'],
  series: [{ name: '已通过', data: [3, 1] }],
};

const open = async (props: Record<string, unknown>) => {
  const chart = await openPage(CHART, bridge);
  (chart.instance as { setData(p: object): void }).setData(props);
  await bridge.idle();
  return chart;
};

const summaryOf = (chart: { instance: unknown }): unknown =>
  (chart.instance as { data: { summary: unknown } }).data.summary;

describe('chart', () => {
  it('shows the loading state instead of the canvas while loading', async () => {
    const chart = await open({ ...DATA, loading: true });
    expect(textOf(find(chart, '.chart__loading'))).toBe('加载中…');
    expect(chart.querySelector('.chart__canvas')).toBeUndefined();
    expect(chart.querySelector('.chart__toggle')).toBeUndefined();
  });

  it('says there is nothing to show when there are no figures', async () => {
    const chart = await open({ ...DATA, categories: [], emptyText: '暂无两新组织数据' });
    expect(textOf(find(chart, '.chart__empty'))).toBe('暂无两新组织数据');
    expect(chart.querySelector('.chart__canvas')).toBeUndefined();
  });

  // The figure's aria-label is bound to `summary` (exparser keeps no aria attributes in the test DOM).
  it('labels the figure with its numbers, for screen readers', async () => {
    const chart = await open(DATA);
    expect(chart.querySelector('.chart__canvas')).toBeDefined();
    expect(summaryOf(chart)).toBe('两新组织好青年，条形图。越城区 3 人，柯桥区 1 人。');
    expect(textOf(find(chart, '.chart__title'))).toBe('两新组织好青年');
  });

  it('shows the numbers as a table on 查看数据 and hides them on 收起数据', async () => {
    const chart = await open(DATA);
    expect(chart.querySelector('.chart__table')).toBeUndefined();
    expect(textOf(find(chart, '.chart__toggle'))).toBe('查看数据');
    await tap(chart, '.chart__toggle', bridge);
    expect(textOf(find(chart, '.chart__table'))).toBe('项目已通过越城区3 人柯桥区1 人');
    expect(textOf(find(chart, '.chart__toggle'))).toBe('收起数据');
    await tap(chart, '.chart__toggle', bridge);
    expect(chart.querySelector('.chart__table')).toBeUndefined();
  });

  it('follows new figures from the page', async () => {
    const chart = await open(DATA);
    await tap(chart, '.chart__toggle', bridge);
    (chart.instance as { setData(p: object): void }).setData({
      type: 'ring',
      series: [{ name: '已通过', data: [1, 1] }],
    });
    await bridge.idle();
    expect(textOf(find(chart, '.chart__table'))).toBe('项目已通过占比越城区1 人50.0%柯桥区1 人50.0%');
    expect(summaryOf(chart)).toContain('环形图');
  });
});
