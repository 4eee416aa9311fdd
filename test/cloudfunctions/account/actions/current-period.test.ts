/** account.currentPeriod: the period in force and its window (R1.2, R4.3). */
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.currentPeriod', () => {
  it('the current period is open today with the R1.2 rules', async () => {
    const f = await fixture();
    const period = dataOf(await f.h.call('account', 'currentPeriod', {}, null));
    expect(period).toEqual(
      expect.objectContaining({
        window: 'open',
        cutoffBirthDate: '1992-06-01',
        quotaRatio: 20,
        partyAgeLimit: 28,
        target: 1000,
        nominationDeadline: '2027-07-31T15:59:59.999Z',
      }),
    );
  });

  it('without a current period says so', async () => {
    const f = await fixture({ period: null });
    expect(codeOf(await f.h.call('account', 'currentPeriod', {}, null))).toBe('PERIOD.NOT_FOUND');
  });
});
