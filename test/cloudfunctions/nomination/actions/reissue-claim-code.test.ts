import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('nomination.reissueClaimCode (issue 8 §11)', () => {
  it('the unit replaces the code of an unclaimed record: the old code stops working, the new one claims', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const other = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const stranger = await f.admin('unitAdmin', other);
    const owner = await f.youth(null, { consent: true });
    const { nomination, claimCode } = dataOf(
      await f.h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: owner.form(), consentObtained: true },
        admin,
      ),
    );
    const reissue = (who: { openid: string }) =>
      f.h.call('nomination', 'reissueClaimCode', { nominationId: nomination.id }, who);
    const before = await f.h.snapshot();
    expect(codeOf(await reissue(stranger))).toBe('AUTH.OUT_OF_SCOPE');
    expect(await f.h.snapshot()).toEqual(before);
    const { claimCode: fresh } = dataOf(await reissue(admin));
    expect(fresh).toMatch(/^[A-HJ-NP-Z2-9]{11}$/);
    const claim = (code: string) =>
      f.h.call('nomination', 'claim', { claimCode: code, idNumber: owner.idNumber }, owner);
    expect(codeOf(await claim(claimCode))).toBe('CLAIM.INVALID');
    expect(dataOf(await claim(fresh)).nomination.claimed).toBe(true);
    // A claimed record has no code to reissue.
    expect(codeOf(await reissue(admin))).toBe('NOMINATION.INVALID_STATE');
  });

  it('a self-nomination has no claim code', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const youth = await f.youth(unit, { consent: true });
    const n = await f.nomination(unit, { youth });
    expect(codeOf(await f.h.call('nomination', 'reissueClaimCode', { nominationId: n.id }, admin))).toBe(
      'NOMINATION.INVALID_STATE',
    );
  });
});
