import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('registry.previewPeriod (issue 14)', () => {
  it('shows what the next period changes, and writes nothing', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    const { draft } = dataOf(await f.h.call('registry', 'periods', {}, city));
    if (!draft) throw new Error('no draft');
    const before = await f.h.snapshot();
    const changes = dataOf(await f.h.call('registry', 'previewPeriod', { rules: { ...draft, target: 1500 } }, city));
    expect(changes.find((c) => c.field === 'target')).toEqual({
      field: 'target',
      label: '全市选培目标人数',
      before: '1000',
      after: '1500',
    });
    expect(await f.h.snapshot()).toEqual(before);
    const late = { ...draft, filingDeadline: '2020-01-01T00:00:00.000Z' };
    expect(codeOf(await f.h.call('registry', 'previewPeriod', { rules: late }, city))).toBe('PERIOD.INVALID');
  });
});
