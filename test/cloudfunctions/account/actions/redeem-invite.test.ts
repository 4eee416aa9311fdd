import { fixture, type Fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.redeemInvite', () => {
  const FIRST = 'first-city-admin';
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture({ bootstrapCityAdmins: [FIRST] });
  });

  it('an invitation expires after seven days', async () => {
    const { h } = f;
    const invite = dataOf(await h.call('account', 'issueInvite', { role: 'mentor', orgId: f.city._id }, FIRST));
    h.setNow(new Date(h.deps.clock().getTime() + 8 * 86_400_000));
    const res = await h.call('account', 'redeemInvite', { code: invite.code, displayName: '王导师' }, 'late');
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INVITE.EXPIRED' }) }),
    );
  });
});

describe('account.redeemInvite wrong-attempt limits (issue 8 §11)', () => {
  const FIRST = 'first-city-admin';
  const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const wrongCode = (i: number) => `AAAAAAAAA${ALPHABET[i % 31]}${ALPHABET[Math.floor(i / 31) % 31]}`;

  it('195 rapid wrong codes from one user: five are tried, the rest refused, the right one too until the hour is over', async () => {
    const f = await fixture({ bootstrapCityAdmins: [FIRST] });
    const { h } = f;
    const invite = dataOf(await h.call('account', 'issueInvite', { role: 'mentor', orgId: f.city._id }, FIRST));
    const redeem = (code: string) => h.call('account', 'redeemInvite', { code, displayName: '王导师' }, 'guesser');
    const replies = await Promise.all(Array.from({ length: 195 }, (_, i) => redeem(wrongCode(i))));
    const tally: Record<string, number> = {};
    for (const r of replies) {
      const code = r.ok ? 'ok' : r.error.code;
      tally[code] = (tally[code] ?? 0) + 1;
    }
    expect(tally).toEqual({ 'INVITE.INVALID': 5, 'INVITE.TOO_MANY_ATTEMPTS': 190 });
    expect(codeOf(await redeem(invite.code))).toBe('INVITE.TOO_MANY_ATTEMPTS');
    h.setNow(new Date(h.deps.clock().getTime() + 3_600_000));
    expect(dataOf(await redeem(invite.code)).roles.map((r) => r.role)).toEqual(['mentor']);
  });
});
