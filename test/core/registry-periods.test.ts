import {
  COMPARED_PERIODS,
  periodFigures,
  periodStart,
  periodWindows,
  sharePercent,
  type PeriodFacts,
} from '../../miniprogram/core/registry-periods';

const opens = (year: number) => `${year - 1}-07-31T16:00:00.000Z`;

describe('period windows (issue 14)', () => {
  it('starts a period when the city opened it, else when its nominations opened', () => {
    expect(periodStart({ _id: '2027', nominationOpensAt: opens(2027) })).toEqual(new Date(opens(2027)));
    const opened = '2026-12-01T02:00:00.000Z';
    expect(periodStart({ _id: '2030', openedAt: opened, nominationOpensAt: opens(2030) })).toEqual(new Date(opened));
  });

  it('gives each period the time until the next one starts, oldest first; the latest runs on', () => {
    const w = periodWindows([
      { _id: '2030', openedAt: '2026-12-01T02:00:00.000Z', nominationOpensAt: opens(2030) },
      { _id: '2024', nominationOpensAt: opens(2024) },
      { _id: '2027', nominationOpensAt: opens(2027) },
    ]);
    expect(w.map((x) => x.periodId)).toEqual(['2024', '2027', '2030']);
    expect(w[0]).toEqual({ periodId: '2024', from: new Date(opens(2024)), until: new Date(opens(2027)) });
    // Opened early (before its own nominations open): the old period's window ends when the city opened the new one.
    expect(w[1].until).toEqual(new Date('2026-12-01T02:00:00.000Z'));
    expect(w[2].until).toBeNull();
  });

  it('keeps only the latest periods', () => {
    const many = Array.from({ length: COMPARED_PERIODS + 2 }, (_, i) => ({
      _id: String(2000 + 3 * i),
      nominationOpensAt: opens(2000 + 3 * i),
    }));
    const w = periodWindows(many);
    expect(w).toHaveLength(COMPARED_PERIODS);
    expect(w[0].periodId).toBe('2006');
    expect(periodWindows([])).toEqual([]);
  });
});

describe('sharePercent', () => {
  it.each([
    [0, 0, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [3, 3, 100],
    [5, 4, 100],
    [0, 7, 0],
  ])('%i of %i → %d%%', (part, whole, expected) => {
    expect(sharePercent(part, whole)).toBe(expected);
  });
});

describe('period figures (issue 14)', () => {
  const units: PeriodFacts['units'] = [
    { _id: 'gov-a', name: '机关A', districtId: 'yuecheng', category: 'party_gov', youthCount: 30 },
    { _id: 'gov-b', name: '机关B', districtId: 'yuecheng', category: 'party_gov', youthCount: 30 },
    // No youths: 20:1 gives it no place, so it is not counted for coverage (issue 9 §16).
    { _id: 'soe-empty', name: '国企C', districtId: 'yuecheng', category: 'soe', youthCount: 0 },
    { _id: 'firm', name: '两新D', districtId: 'yuecheng', category: 'two_new', youthCount: 60 },
    { _id: 'school', name: '基层E', districtId: 'yuecheng', category: 'other_grassroots', youthCount: 20 },
  ];
  const facts = (over: Partial<PeriodFacts>): PeriodFacts => ({
    quotaRatio: 20,
    units,
    counters: [],
    cultivated: 0,
    submitted: 0,
    resolved: 0,
    ...over,
  });

  it('counts selected youths, covered units, the two-new share, cultivation and services', () => {
    const f = periodFigures(
      facts({
        counters: [
          { unitId: 'gov-a', used: 1, limit: 1, category: 'party_gov' },
          { unitId: 'firm', used: 2, limit: 3, category: 'two_new' },
          { unitId: 'school', used: 1, limit: 1, category: 'other_grassroots' },
        ],
        cultivated: 3,
        submitted: 8,
        resolved: 6,
      }),
    );
    expect(f).toEqual({
      selected: 4,
      coverage: { covered: 1, total: 2, percent: 50 },
      twoNew: { count: 2, percent: 50 },
      cultivated: { count: 3, percent: 75 },
      services: { submitted: 8, resolved: 6, percent: 75 },
    });
  });

  it('follows a counter’s limit: a must-cover unit set to 0 places is not counted, one given a place is', () => {
    const f = periodFigures(
      facts({
        counters: [
          { unitId: 'gov-b', used: 0, limit: 0, category: 'party_gov' },
          { unitId: 'soe-empty', used: 1, limit: 1, category: 'soe' },
        ],
      }),
    );
    expect(f.coverage).toEqual({ covered: 1, total: 2, percent: 50 });
  });

  it('takes the counter’s category for a unit no longer in the tree', () => {
    const f = periodFigures(facts({ counters: [{ unitId: 'gone', used: 2, limit: 2, category: 'two_new' }] }));
    expect(f.selected).toBe(2);
    expect(f.twoNew).toEqual({ count: 2, percent: 100 });
  });

  it('an empty period is all zeros', () => {
    expect(periodFigures(facts({ units: [] }))).toEqual({
      selected: 0,
      coverage: { covered: 0, total: 0, percent: 0 },
      twoNew: { count: 0, percent: 0 },
      cultivated: { count: 0, percent: 0 },
      services: { submitted: 0, resolved: 0, percent: 0 },
    });
  });
});
