import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Identity, type Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

describe('nomination.nominateByUnit: organisational recommendation (R4.1)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let wang: Identity;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    unit = await f.unit({ district: 'yuecheng' });
    admin = await f.admin('unitAdmin', unit);
    wang = f.person({ name: '王青' });
  });

  it('leads to the same record and review as a self-nomination', async () => {
    const { nomination } = dataOf(
      await h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: wang.form(), consentObtained: true },
        admin,
      ),
    );
    expect(nomination).toEqual(expect.objectContaining({ channel: 'unit', status: 'submitted', claimed: false }));
    const pending = dataOf(await h.call('nomination', 'listForReview', {}, admin));
    expect(pending.items.map((n) => n.id)).toContain(nomination.id);
  });

  it('one active nomination per person whatever the channel (R4.6)', async () => {
    const youth = await f.youth(unit, { name: '王青', consent: true });
    dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    const res = await h.call(
      'nomination',
      'nominateByUnit',
      { unitId: unit._id, form: youth.form(), consentObtained: true },
      admin,
    );
    expect(codeOf(res)).toBe('NOMINATION.DUPLICATE');
  });

  it('a unit admin cannot nominate for another unit', async () => {
    const other = await f.unit({ district: 'keqiao' });
    const res = await h.call(
      'nomination',
      'nominateByUnit',
      { unitId: other._id, form: wang.form(), consentObtained: true },
      admin,
    );
    expect(codeOf(res)).toBe('AUTH.OUT_OF_SCOPE');
  });
});
