import { fixture, idNumberOf } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('nomination.claim (R4.1)', () => {
  it('the youth claims a unit-entered record with the code and their own ID number, once', async () => {
    const f = await fixture();
    const { h } = f;
    const unit = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const wang = await f.youth(null, { name: '王青', idNumber: idNumberOf('1996-05-20', 1) });
    const someoneElse = await f.youth(null, { consent: true });
    const { nomination, claimCode } = dataOf(
      await h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: wang.form(), consentObtained: true },
        admin,
      ),
    );
    const claim = (code: string, idNumber: string, who: { openid: string }) =>
      h.call('nomination', 'claim', { claimCode: code, idNumber }, who);

    expect(codeOf(await claim(claimCode, wang.idNumber, wang))).toBe('CONSENT.REQUIRED');
    await h.consent(wang);
    expect(codeOf(await claim('AAAAAAAAAAA', wang.idNumber, wang))).toBe('CLAIM.INVALID');
    expect(codeOf(await claim(claimCode, idNumberOf('1996-05-20', 2), wang))).toBe('CLAIM.INVALID');
    const claimed = dataOf(await claim(claimCode, wang.idNumber, wang));
    expect(claimed.nomination.claimed).toBe(true);
    const mine = dataOf(await h.call('nomination', 'getMine', {}, wang));
    expect(mine.nomination?.id).toBe(nomination.id);
    expect(codeOf(await claim(claimCode, wang.idNumber, someoneElse))).toBe('CLAIM.INVALID');
  });
});
