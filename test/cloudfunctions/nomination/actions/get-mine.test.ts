import { fixture } from '../../../support/fixtures';
import { codeOf } from '../../../support/harness';

describe('nomination.getMine', () => {
  it('without a current period, getMine says so', async () => {
    const f = await fixture({ period: null });
    const youth = await f.youth(await f.unit(), { consent: true });
    expect(codeOf(await f.h.call('nomination', 'getMine', {}, youth))).toBe('PERIOD.NOT_FOUND');
  });
});
