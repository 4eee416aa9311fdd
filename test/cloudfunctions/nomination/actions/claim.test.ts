import { fixture, idNumberOf } from '../../../support/fixtures';
import { codeOf, dataOf, TIMER } from '../../../support/harness';

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

describe('nomination.claim wrong-attempt limits (issue 8 §11)', () => {
  /** A unit-entered record, its claim code and the youth it belongs to (with consent). */
  async function scene() {
    const f = await fixture();
    const unit = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const owner = await f.youth(null, { consent: true });
    const { nomination, claimCode } = dataOf(
      await f.h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: owner.form(), consentObtained: true },
        admin,
      ),
    );
    const claim = (code: string, who: { openid: string }, idNumber = owner.idNumber) =>
      f.h.call('nomination', 'claim', { claimCode: code, idNumber }, who);
    return { f, unit, admin, owner, nomination, claimCode, claim };
  }
  const WRONG = 'AAAAAAAAAAA';
  const codes = (replies: Array<{ ok: boolean; error?: { code: string } }>) =>
    replies.reduce<Record<string, number>>((acc, r) => {
      const key = r.ok ? 'ok' : (r.error?.code ?? '?');
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});

  it('one user: 195 rapid wrong claims at once, five are tried and the rest refused; then the right code too', async () => {
    const { f, owner, claimCode, claim } = await scene();
    const attacker = await f.youth(null, { consent: true });
    const replies = await Promise.all(Array.from({ length: 195 }, () => claim(WRONG, attacker)));
    expect(codes(replies)).toEqual({ 'CLAIM.INVALID': 5, 'CLAIM.TOO_MANY_ATTEMPTS': 190 });
    // Even the right code is not tried for this user within the hour.
    expect(codeOf(await claim(claimCode, attacker))).toBe('CLAIM.TOO_MANY_ATTEMPTS');
    // Five wrong tries on the record are under its limit: the owner still claims it.
    expect(dataOf(await claim(claimCode, owner)).nomination.claimed).toBe(true);
  });

  it('one record: ten wrong claims void its code (even under concurrency); the unit reissues one', async () => {
    const { f, admin, owner, nomination, claimCode, claim } = await scene();
    const attackers = await Promise.all(Array.from({ length: 39 }, () => f.youth(null, { consent: true })));
    const replies = await Promise.all(attackers.flatMap((a) => Array.from({ length: 5 }, () => claim(WRONG, a))));
    expect(replies).toHaveLength(195);
    expect(codes(replies)).toEqual({ 'CLAIM.INVALID': 10, 'CLAIM.TOO_MANY_ATTEMPTS': 185 });
    // The record's limit was hit: the right code is refused too, and stays refused once the counters have expired.
    expect(codeOf(await claim(claimCode, owner))).toBe('CLAIM.TOO_MANY_ATTEMPTS');
    f.h.setNow(new Date(f.h.deps.clock().getTime() + 31 * 86_400_000));
    dataOf(await f.h.call('cron', 'purgeSpent', {}, TIMER));
    expect(codeOf(await claim(claimCode, owner))).toBe('CLAIM.INVALID');
    // The unit reissues: the old code stays void, the new one works.
    const { claimCode: fresh } = dataOf(
      await f.h.call('nomination', 'reissueClaimCode', { nominationId: nomination.id }, admin),
    );
    expect(fresh).not.toBe(claimCode);
    expect(codeOf(await claim(claimCode, owner))).toBe('CLAIM.INVALID');
    expect(dataOf(await claim(fresh, owner)).nomination.claimed).toBe(true);
  });

  it('a refusal that is not a wrong code costs no attempt; a success gives its attempt back', async () => {
    const { f, owner, claimCode, claim } = await scene();
    const noConsent = await f.youth(null);
    for (let i = 0; i < 8; i += 1) expect(codeOf(await claim(WRONG, noConsent))).toBe('CONSENT.REQUIRED');
    await f.h.consent(noConsent);
    for (let i = 0; i < 4; i += 1) expect(codeOf(await claim(WRONG, noConsent))).toBe('CLAIM.INVALID');
    expect(codeOf(await claim(WRONG, noConsent))).toBe('CLAIM.INVALID');
    expect(codeOf(await claim(WRONG, noConsent))).toBe('CLAIM.TOO_MANY_ATTEMPTS');
    // An hour later the user may try again.
    f.h.setNow(new Date(f.h.deps.clock().getTime() + 3_600_000));
    expect(codeOf(await claim(WRONG, noConsent))).toBe('CLAIM.INVALID');
    expect(dataOf(await claim(claimCode, owner)).nomination.claimed).toBe(true);
  });
});
