import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Nominee, type Youth } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

describe('nomination.withdraw (R9.2)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let youth: Youth;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    unit = await f.unit();
    youth = await f.youth(unit, { consent: true });
  });

  describe('a submitted nomination', () => {
    let n: Nominee;
    beforeEach(async () => {
      n = await f.nomination(unit, { youth });
    });

    it('leaves every list and count at once', async () => {
      const city = await f.admin('cityAdmin', f.city);
      const admin = await f.admin('unitAdmin', unit);
      dataOf(await h.call('nomination', 'withdraw', { nominationId: n.id, reason: '个人原因' }, youth));
      expect(dataOf(await h.call('nomination', 'getMine', {}, youth)).nomination).toBeNull();
      for (const status of ['submitted', 'approved', 'rejected', 'returned'] as const) {
        const list = dataOf(await h.call('nomination', 'listForReview', { status }, city));
        expect(list.items.map((i) => i.id)).not.toContain(n.id);
      }
      expect(codeOf(await h.call('nomination', 'get', { nominationId: n.id }, admin))).toBe('NOMINATION.NOT_FOUND');
    });

    it('only the youth can withdraw their own, and only once', async () => {
      const other = await f.youth(unit, { consent: true });
      expect(codeOf(await h.call('nomination', 'withdraw', { nominationId: n.id }, other))).toBe(
        'NOMINATION.NOT_FOUND',
      );
      dataOf(await h.call('nomination', 'withdraw', { nominationId: n.id }, youth));
      expect(codeOf(await h.call('nomination', 'withdraw', { nominationId: n.id }, youth))).toBe(
        'NOMINATION.INVALID_STATE',
      );
    });
  });

  it('a withdrawn approval gives its place back', async () => {
    const admin = await f.admin('unitAdmin', unit);
    const approved = async () => dataOf(await h.call('admin', 'quotas', { unitId: unit._id }, admin)).items[0].approved;
    const n = await f.nomination(unit, { youth, status: 'approved' });
    expect(await approved()).toBe(1); // the approval took a place
    dataOf(await h.call('nomination', 'withdraw', { nominationId: n.id }, youth));
    expect(await approved()).toBe(0);
  });
});
