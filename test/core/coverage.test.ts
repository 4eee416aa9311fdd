import {
  isMustCover,
  totalApproved,
  uncoveredByCategory,
  uncoveredUnits,
  exemptUnits,
  type UnitRef,
} from '../../miniprogram/core/coverage';
import type { UnitCategory } from '../../miniprogram/core/org';

const unit = (id: string, category?: UnitCategory, districtId: string | null = 'yuecheng'): UnitRef => ({
  _id: id,
  name: id,
  districtId,
  category,
});

describe('R3.3 full coverage of 机关, 国企 and 央企', () => {
  it.each<[UnitCategory | undefined, boolean]>([
    ['party_gov', true],
    ['soe', true],
    ['central_soe', true],
    ['two_new', false],
    ['other_grassroots', false],
    [undefined, false],
  ])('%p must be covered: %s', (category, must) => {
    expect(isMustCover(category)).toBe(must);
  });

  const units = [
    unit('gov-a', 'party_gov'),
    unit('gov-b', 'party_gov', null),
    unit('soe-a', 'soe'),
    unit('csoe-a', 'central_soe'),
    unit('new-a', 'two_new'),
    unit('none'),
  ];
  it.each<[string, Array<[string, number]>, string[], Record<string, number>]>([
    ['nothing approved', [], ['gov-a', 'gov-b', 'soe-a', 'csoe-a'], { party_gov: 2, soe: 1, central_soe: 1 }],
    ['one 机关 covered', [['gov-a', 1]], ['gov-b', 'soe-a', 'csoe-a'], { party_gov: 1, soe: 1, central_soe: 1 }],
    [
      'all covered (a 两新 approval does not count)',
      [
        ['gov-a', 2],
        ['gov-b', 1],
        ['soe-a', 1],
        ['csoe-a', 3],
        ['new-a', 4],
      ],
      [],
      { party_gov: 0, soe: 0, central_soe: 0 },
    ],
  ])('%s', (_label, approved, uncovered, byCategory) => {
    const counts = new Map(approved);
    const left = uncoveredUnits(units, counts, new Map());
    expect(left.map((u) => u._id)).toEqual(uncovered);
    expect(uncoveredByCategory(left)).toEqual(byCategory);
  });
});

describe('approved places in total', () => {
  it.each<[Array<[string, number]>, number]>([
    [[], 0],
    [[['a', 1]], 1],
    [
      [
        ['a', 2],
        ['b', 0],
        ['c', 5],
      ],
      7,
    ],
  ])('%p → %i', (counts, total) => {
    expect(totalApproved(new Map(counts))).toBe(total);
  });
});

describe('a must-cover unit without a place (issue 9 §16)', () => {
  const units: UnitRef[] = [
    { _id: 'bank', name: '农村商业银行', districtId: 'd', category: 'soe' },
    { _id: 'gov', name: '人民政府办公室', districtId: 'd', category: 'party_gov' },
  ];
  it('is not uncovered while its quota is 0, and is again once it has a place', () => {
    expect(uncoveredUnits(units, new Map(), new Map([['bank', 0]])).map((u) => u._id)).toEqual(['gov']);
    expect(exemptUnits(units, new Map([['bank', 0]])).map((u) => u._id)).toEqual(['bank']);
    expect(uncoveredUnits(units, new Map(), new Map([['bank', 1]])).map((u) => u._id)).toEqual(['bank', 'gov']);
    expect(exemptUnits(units, new Map([['bank', 1]]))).toEqual([]);
  });
});
