import { canWithdraw, NOMINATION_STATUSES, type NominationStatus } from '../../miniprogram/core/nomination';

describe('R9.2 what a youth may withdraw', () => {
  const withdrawable: Record<NominationStatus, boolean> = {
    draft: false,
    submitted: true,
    held: true,
    returned: true,
    approved: true,
    rejected: false,
    withdrawn: false,
    voided: false,
  };
  it.each(NOMINATION_STATUSES.map((s) => [s, withdrawable[s]] as const))('%s → %s', (status, allowed) => {
    expect(canWithdraw(status)).toBe(allowed);
  });
});
