import type { Fixture, Nominee, Person, Youth } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { recordScene } from '../record-scene';

describe('nomination.get (R9.1)', () => {
  let f: Fixture;
  let h: Harness;
  let admin: Person;
  let youth: Youth;
  let n: Nominee;
  beforeEach(async () => {
    ({ f, h, admin, youth, n } = await recordScene());
  });

  it('shows the record to its youth and to a reviewer in scope, with today’s eligibility; not out of scope', async () => {
    const keqiao = await f.admin('districtAdmin', await f.district('keqiao'));
    expect(codeOf(await h.call('nomination', 'get', { nominationId: n.id }, keqiao))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('nomination', 'get', { nominationId: n.id }, youth))).toBe('OK');
    const detail = dataOf(await h.call('nomination', 'get', { nominationId: n.id }, admin));
    expect(detail.eligibility).toEqual({ eligible: true, age: 30, code: null, params: {} });
  });
});
