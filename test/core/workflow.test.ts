import {
  canWithdraw,
  NOMINATION_FLOW,
  NOMINATION_STATUSES,
  reviewTarget,
  WITHDRAWABLE,
  type NominationEvent,
  type NominationStatus,
} from '../../miniprogram/core/nomination';
import { allows, statesAllowing, transitionFor } from '../../miniprogram/core/workflow';

describe('nomination transition table (R4.2, R8, R9.2)', () => {
  it.each<[NominationStatus, NominationEvent, NominationStatus | null, string[]]>([
    [
      'submitted',
      'approve',
      'approved',
      ['independent', 'unlockedFiling', 'confirmation', 'eligible', 'takePlace', 'guardFiling'],
    ],
    ['submitted', 'reject', 'rejected', ['independent', 'unlockedFiling', 'reason']],
    ['submitted', 'return', 'returned', ['independent', 'unlockedFiling', 'reason']],
    ['returned', 'approve', null, []],
    ['approved', 'approve', null, []],
    ['returned', 'resubmit', 'submitted', []],
    ['submitted', 'resubmit', null, []],
    ['withdrawn', 'submit', 'submitted', []],
    ['rejected', 'submit', 'submitted', []],
    ['approved', 'submit', null, []],
    ['draft', 'submit', null, []],
    ['submitted', 'withdraw', 'withdrawn', []],
    ['returned', 'withdraw', 'withdrawn', []],
    ['approved', 'withdraw', 'withdrawn', ['unlockedFiling', 'releasePlace', 'guardFiling']],
    ['rejected', 'withdraw', null, []],
    ['withdrawn', 'withdraw', null, []],
    ['approved', 'uphold', 'rejected', ['independent', 'unlockedFiling', 'reason', 'releasePlace', 'guardFiling']],
    ['submitted', 'uphold', null, []],
  ])('%s --%s--> %s requires %j', (from, event, to, requires) => {
    const row = transitionFor(NOMINATION_FLOW, from, event);
    expect(row?.to ?? null).toBe(to);
    expect([...(row?.requires ?? [])]).toEqual(requires);
    expect(allows(NOMINATION_FLOW, from, event)).toBe(to !== null);
  });

  it('each (status, event) pair has at most one row, so a move is never ambiguous', () => {
    for (const status of NOMINATION_STATUSES) {
      for (const event of new Set(NOMINATION_FLOW.map((t) => t.event))) {
        const rows = NOMINATION_FLOW.filter((t) => t.event === event && (t.from as readonly string[]).includes(status));
        expect(rows.length).toBeLessThanOrEqual(1);
      }
    }
  });

  it('derives what the pages offer from the same table', () => {
    expect([...WITHDRAWABLE].sort()).toEqual(['approved', 'held', 'returned', 'submitted']);
    expect(statesAllowing(NOMINATION_FLOW, 'approve')).toEqual(['submitted']);
    expect(canWithdraw('approved')).toBe(true);
    expect(canWithdraw('rejected')).toBe(false);
    expect(reviewTarget('submitted', 'return')).toBe('returned');
    expect(reviewTarget('approved', 'reject')).toBeNull();
  });
});
