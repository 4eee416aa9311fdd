import { waitingOf, type WaitingFacts } from '../../miniprogram/core/waiting';

const facts = (over: Partial<WaitingFacts> = {}): WaitingFacts => ({
  unitName: '越城区智造科技有限公司',
  districtName: '越城区',
  unitHasAdmin: true,
  filing: { kind: 'district', locked: false },
  ...over,
});

describe('what a nomination waits for', () => {
  it.each([
    ['submitted', facts(), { step: 'review', by: 'unit', orgName: '越城区智造科技有限公司' }],
    ['submitted', facts({ unitHasAdmin: false }), { step: 'review', by: 'district', orgName: '越城区' }],
    ['submitted', facts({ unitHasAdmin: false, districtName: '' }), { step: 'review', by: 'city', orgName: '' }],
    ['returned', facts(), { step: 'resubmit', by: 'youth', orgName: '' }],
    ['approved', facts(), { step: 'filing', by: 'district', orgName: '越城区' }],
    [
      'approved',
      facts({ filing: { kind: 'unit', locked: false } }),
      { step: 'filing', by: 'unit', orgName: '越城区智造科技有限公司' },
    ],
    ['approved', facts({ filing: { kind: 'district', locked: true } }), null],
    ['rejected', facts(), null],
    ['withdrawn', facts(), null],
  ] as const)('%s (%o) → %o', (status, f, expected) => {
    expect(waitingOf(status, f)).toEqual(expected);
  });
});
