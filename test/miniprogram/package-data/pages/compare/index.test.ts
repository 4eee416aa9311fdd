import { C, type PeriodDoc, type QuotaDoc } from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, textOf, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-city-admin' });
const COMPARE = loadPage('package-data/pages/compare/index');

interface Chart {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}
interface CompareData {
  loading: boolean;
  count: number;
  charts: { selected: Chart; shares: Chart; services: Chart } | null;
  cards: Array<{ id: string; title: string; lines: string[] }>;
}

describe('各期对比', () => {
  it('draws each period’s selected youths, shares and service requests, the figures also in words', async () => {
    const store = bridge.deps.store;
    const current = (await store.collection<PeriodDoc>(C.periods).findOne({ current: true })) as PeriodDoc;
    const quotas = store.collection<QuotaDoc>(C.quotas);
    const selectedNow = (await quotas.find({ periodId: current._id })).reduce((n, q) => n + q.used, 0);
    // The period before, three years earlier, in which the 两新 company had three youths selected.
    await store.collection<PeriodDoc>(C.periods).insert({
      ...current,
      _id: '2024',
      name: '2024年度选培计划',
      nominationOpensAt: '2023-07-31T16:00:00.000Z',
      current: false,
    });
    await quotas.insert({
      _id: '2024:yuecheng-tech',
      periodId: '2024',
      unitId: 'yuecheng-tech',
      districtId: 'yuecheng',
      category: 'two_new',
      suggested: 3,
      override: null,
      overrideReason: null,
      limit: 3,
      used: 3,
      updatedAt: new Date(),
    });

    const page = await openPage<CompareData>(COMPARE, bridge);
    expect(page.data.loading).toBe(false);
    expect(page.data.count).toBe(2);
    expect(page.data.charts?.selected).toEqual({
      categories: ['2024期', `${current._id}期（本期）`],
      series: [{ name: '入选好青年', data: [3, selectedNow] }],
    });
    expect(page.data.charts?.shares.series.map((s) => s.name)).toEqual([
      '单位覆盖率',
      '两新组织占比',
      '有培养措施占比',
    ]);
    expect(page.data.charts?.shares.series[1].data[0]).toBe(100);
    const chart = page.querySelector('.selected-chart')!;
    expect(chart.data).toMatchObject({ title: '各期入选好青年人数', unit: '人', type: 'bar' });
    const text = textOf(page);
    expect(text).toContain('绍兴市 · 共 2 期');
    // Newest first in words.
    expect(page.data.cards.map((c) => c.id)).toEqual([current._id, '2024']);
    expect(text).toContain('入选 3 人 · 两新组织 3 人（100%）');
  });
});
