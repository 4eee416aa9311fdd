import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('registry.periods (issue 14)', () => {
  it('gives the city the current rules and the next period three years on', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    const view = dataOf(await f.h.call('registry', 'periods', {}, city));
    expect(view.current).toEqual(expect.objectContaining({ id: f.period?._id, quotaRatio: 20 }));
    expect(view.draft?.referenceDate).toBe(`${Number(f.period?.referenceDate.slice(0, 4)) + 3}-06-01`);
    expect(view.draft?.cutoffBirthDate).toBe(`${Number(f.period?.cutoffBirthDate.slice(0, 4)) + 3}-06-01`);
    const district = await f.admin('districtAdmin', await f.district());
    expect(codeOf(await f.h.call('registry', 'periods', {}, district))).toBe('AUTH.FORBIDDEN');
  });
});
