import {
  C,
  type MeasureDoc,
  type NominationDoc,
  type PeriodDoc,
  type QuotaDoc,
  type ServiceRequestDoc,
} from '../../../../cloudfunctions/_lib/collections';
import type { UnitCategory } from '../../../../miniprogram/core/org';
import { fixture, type Fixture } from '../../../support/fixtures';
import { codeOf, dataOf, NOW } from '../../../support/harness';

/** Facts written straight into the store: only the fields the comparison reads. */
const counter = (periodId: string, unitId: string, districtId: string, category: UnitCategory, used: number) =>
  ({
    _id: `${periodId}:${unitId}`,
    periodId,
    unitId,
    districtId,
    category,
    suggested: 1,
    override: null,
    overrideReason: null,
    limit: Math.max(1, used),
    used,
    updatedAt: new Date(),
  }) as QuotaDoc;
const measure = (id: string, periodId: string, nominationId: string, districtId: string, status: string) =>
  ({ _id: id, periodId, nominationId, unitId: 'u', districtId, status }) as unknown as MeasureDoc;
const request = (id: string, districtId: string, submittedAt: string, status: string) =>
  ({
    _id: id,
    districtId,
    ownerOrgId: districtId,
    submittedAt: new Date(submittedAt),
    status,
  }) as unknown as ServiceRequestDoc;

async function twoPeriods(f: Fixture) {
  const yuecheng = await f.district('yuecheng');
  const keqiao = await f.district('keqiao');
  const gov = await f.unit({ category: 'party_gov', district: yuecheng, youthCount: 30 });
  const firm = await f.unit({ category: 'two_new', district: yuecheng, youthCount: 60 });
  const kqGov = await f.unit({ category: 'party_gov', district: keqiao, youthCount: 30 });
  const store = f.h.deps.store;
  // The period before the current one (opened three years earlier), with its own counters.
  await store.collection<PeriodDoc>(C.periods).insert({
    ...(f.period as PeriodDoc),
    _id: '2024',
    name: '2024年度选培计划',
    nominationOpensAt: '2023-07-31T16:00:00.000Z',
    current: false,
  });
  const quotas = store.collection<QuotaDoc>(C.quotas);
  await quotas.insert(counter('2024', gov._id, 'yuecheng', 'party_gov', 1));
  await quotas.insert(counter('2024', firm._id, 'yuecheng', 'two_new', 2));
  await quotas.insert(counter('2024', kqGov._id, 'keqiao', 'party_gov', 1));
  const nominations = store.collection<NominationDoc>(C.nominations);
  await nominations.insert({ _id: 'old-1', periodId: '2024', status: 'approved' } as NominationDoc);
  await nominations.insert({ _id: 'old-2', periodId: '2024', status: 'withdrawn' } as NominationDoc);
  // This period: one youth of the 两新 firm approved through the real flow.
  const now = await f.nomination(firm, { status: 'approved' });
  const measures = store.collection<MeasureDoc>(C.measures);
  await measures.insert(measure('m1', '2024', 'old-1', 'yuecheng', 'confirmed'));
  await measures.insert(measure('m2', '2024', 'old-1', 'yuecheng', 'confirmed'));
  await measures.insert(measure('m3', '2024', 'old-2', 'yuecheng', 'confirmed')); // withdrawn since: not counted
  await measures.insert(measure('m4', (f.period as PeriodDoc)._id, now.id, 'yuecheng', 'pending'));
  const requests = store.collection<ServiceRequestDoc>(C.serviceRequests);
  await requests.insert(request('r1', 'yuecheng', '2025-01-10T02:00:00Z', 'closed'));
  await requests.insert(request('r2', 'yuecheng', '2025-03-10T02:00:00Z', 'declined'));
  await requests.insert(request('r3', 'keqiao', '2025-03-10T02:00:00Z', 'resolved'));
  await requests.insert(request('r4', 'yuecheng', '2026-10-01T02:00:00Z', 'submitted'));
  return { yuecheng, keqiao, gov, firm, kqGov };
}

describe('registry.comparePeriods (issue 14)', () => {
  it('gives the city each period’s selected, coverage, two-new share, cultivation and services', async () => {
    const f = await fixture();
    await twoPeriods(f);
    const city = await f.admin('cityAdmin', f.city);
    const view = dataOf(await f.h.call('registry', 'comparePeriods', {}, city));
    expect(view.scopeName).toBe('绍兴市');
    expect(view.periods.map((p) => [p.periodId, p.current])).toEqual([
      ['2024', false],
      [f.period?._id, true],
    ]);
    const [old, current] = view.periods;
    expect(old).toMatchObject({
      name: '2024年度选培计划',
      selected: 4,
      coverage: { covered: 2, total: 2, percent: 100 },
      twoNew: { count: 2, percent: 50 },
      cultivated: { count: 1, percent: 25 },
      services: { submitted: 3, resolved: 2, percent: 66.7 },
    });
    expect(current).toMatchObject({
      selected: 1,
      coverage: { covered: 0, total: 2, percent: 0 },
      twoNew: { count: 1, percent: 100 },
      cultivated: { count: 0, percent: 0 },
      services: { submitted: 1, resolved: 0, percent: 0 },
    });
  });

  it('gives a district its own units and requests only, and nothing beyond it', async () => {
    const f = await fixture();
    const { yuecheng, keqiao, firm } = await twoPeriods(f);
    const admin = await f.admin('districtAdmin', yuecheng);
    const view = dataOf(await f.h.call('registry', 'comparePeriods', {}, admin));
    expect(view.scopeName).toBe(yuecheng.name);
    expect(view.periods[0]).toMatchObject({
      selected: 3,
      coverage: { covered: 1, total: 1, percent: 100 },
      twoNew: { count: 2, percent: 66.7 },
      cultivated: { count: 1, percent: 33.3 },
      services: { submitted: 2, resolved: 1, percent: 50 },
    });
    expect(codeOf(await f.h.call('registry', 'comparePeriods', { districtId: keqiao._id }, admin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    const unitAdmin = await f.admin('unitAdmin', firm);
    expect(codeOf(await f.h.call('registry', 'comparePeriods', {}, unitAdmin))).toBe('AUTH.FORBIDDEN');
  });

  it('counts a youth once however many measures; a period the city opens starts its own window', async () => {
    const f = await fixture();
    const { firm } = await twoPeriods(f);
    const nominee = await f.nomination(firm, { status: 'approved' });
    const measures = f.h.deps.store.collection<MeasureDoc>(C.measures);
    await measures.insert(measure('m5', (f.period as PeriodDoc)._id, nominee.id, 'yuecheng', 'confirmed'));
    await measures.insert(measure('m6', (f.period as PeriodDoc)._id, nominee.id, 'yuecheng', 'confirmed'));
    const city = await f.admin('cityAdmin', f.city);
    const before = dataOf(await f.h.call('registry', 'comparePeriods', {}, city));
    expect(before.periods[1]).toMatchObject({ selected: 2, cultivated: { count: 1, percent: 50 } });

    const { draft } = dataOf(await f.h.call('registry', 'periods', {}, city));
    const opened = dataOf(await f.h.call('registry', 'openPeriod', { rules: draft!, reason: '新一期选培启动' }, city));
    const later = new Date(NOW.getTime() + 24 * 60 * 60 * 1000).toISOString();
    await f.h.deps.store
      .collection<ServiceRequestDoc>(C.serviceRequests)
      .insert(request('r5', 'yuecheng', later, 'submitted'));
    const after = dataOf(await f.h.call('registry', 'comparePeriods', {}, city));
    expect(after.periods.map((p) => [p.periodId, p.current])).toEqual([
      ['2024', false],
      [f.period?._id, false],
      [opened.periodId, true],
    ]);
    // The request of October stays with the period it was made in; the one after the opening is the new one's.
    expect(after.periods[1]).toMatchObject({ selected: 2, services: { submitted: 1 } });
    expect(after.periods[2]).toMatchObject({ selected: 0, services: { submitted: 1, resolved: 0 } });
  });
});
