import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { approval, type Fixture, type Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { filingScene } from '../filing-scene';

describe('admin.reopen (R4.4)', () => {
  let f: Fixture;
  let h: Harness;
  let gov: OrgDoc;
  let govAdmin: Person;
  let districtAdmin: Person;
  let unitFiling: string;
  beforeEach(async () => {
    ({ f, h, gov, govAdmin, districtAdmin, unitFiling } = await filingScene());
  });

  it('a unit files its list, which then locks until the district reopens it with a reason', async () => {
    const filed = dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    expect(filed.filing).toEqual(expect.objectContaining({ state: 'filed', approvedRows: 1 }));
    expect(codeOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin))).toBe('FILING.ALREADY_FILED');
    const late = await f.nomination(gov);
    const approveLate = approval(late.id);
    expect(codeOf(await h.call('nomination', 'review', approveLate, govAdmin))).toBe('FILING.LOCKED');
    expect(codeOf(await h.call('admin', 'reopen', { filingId: unitFiling, reason: '需要补报' }, govAdmin))).toBe(
      'AUTH.FORBIDDEN',
    );
    const reopened = dataOf(
      await h.call('admin', 'reopen', { filingId: unitFiling, reason: '补报一名' }, districtAdmin),
    );
    expect(reopened.filing).toEqual(expect.objectContaining({ state: 'reopened', reopenReason: '补报一名' }));
    expect(
      codeOf(await h.call('admin', 'setQuota', { unitId: gov._id, quota: 2, reason: '需要补报' }, districtAdmin)),
    ).toBe('OK');
    expect(codeOf(await h.call('nomination', 'review', approveLate, govAdmin))).toBe('OK');
  });
});
