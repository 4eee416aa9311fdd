import { fixture, type Fixture } from '../../../support/fixtures';
import type { AccountDoc, AuditDoc } from '../../../../cloudfunctions/_lib/collections';
import { TEST_KEYS } from '../../../../scripts/local/deps';
import { bootstrapVariable } from '../../../../scripts/deploy/plan';
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

describe('account.redeemInvite with the deploy’s one-time bootstrap code (first city admin)', () => {
  const CODE = 'BQ7KM2XR9TA';
  let f: Fixture;
  /** What `npm run deploy` puts in the account function, computed by the deploy's own code. */
  const configure = (code: string, expiresAt: Date): void => {
    f.h.deps.bootstrapCode = bootstrapVariable(
      { HQN_DATA_KEY: TEST_KEYS.dataKey, HQN_HASH_KEY: TEST_KEYS.hashKey },
      code,
      expiresAt,
    );
  };
  const redeem = (openid: string, code = CODE) =>
    f.h.call('account', 'redeemInvite', { code, displayName: '周部长' }, openid);
  const inHours = (hours: number): Date => new Date(f.h.deps.clock().getTime() + hours * 3_600_000);

  beforeEach(async () => {
    f = await fixture();
    configure(CODE, inHours(72));
  });

  it('makes the first person who types it city admin, audited without the code; then the path is closed', async () => {
    const me = dataOf(await redeem('first'));
    expect(me.roles).toEqual([{ role: 'cityAdmin', orgId: f.city._id, orgName: '绍兴市' }]);
    const audit = await f.h.deps.store.collection<AuditDoc>('audit').find({ actor: 'first' });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'account.redeemInvite',
        target: expect.stringMatching(/^bootstrap\/[0-9a-f]{32}$/),
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(CODE);
    // The city admin can now invite; the issue path works for them.
    expect(
      dataOf(await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: f.city._id }, 'first')).code,
    ).toMatch(/^[A-Z2-9]{11}$/);
    expect(codeOf(await redeem('second'))).toBe('INVITE.USED');
    // A fresh code issued later (deploy --bootstrap-code) does not reopen it while a city admin exists.
    configure('HJ3NP4WQ8VE', inHours(72));
    expect(codeOf(await redeem('third', 'HJ3NP4WQ8VE'))).toBe('INVITE.USED');
    expect(await f.h.deps.store.collection<AccountDoc>('accounts').count({ 'grants.role': 'cityAdmin' })).toBe(1);
  });

  it('expires', async () => {
    f.h.setNow(inHours(73));
    expect(codeOf(await redeem('late'))).toBe('INVITE.EXPIRED');
    expect(await f.h.deps.store.collection('accounts').count({})).toBe(0);
  });

  it('another code, or no bootstrap code configured, is an unknown invitation', async () => {
    expect(codeOf(await redeem('guess', 'AAAAAAAAAAA'))).toBe('INVITE.INVALID');
    f.h.deps.bootstrapCode = null;
    expect(codeOf(await redeem('guess'))).toBe('INVITE.INVALID');
    f.h.deps.bootstrapCode = 'not-a-hash@2030-01-01';
    expect(codeOf(await redeem('guess'))).toBe('INVITE.INVALID');
  });

  it('two people typing the same code at once: exactly one becomes city admin', async () => {
    const replies = await Promise.all(['a', 'b', 'c', 'd'].map((who) => redeem(who)));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map(codeOf)).toEqual(['INVITE.USED', 'INVITE.USED', 'INVITE.USED']);
    expect(await f.h.deps.store.collection<AccountDoc>('accounts').count({ 'grants.role': 'cityAdmin' })).toBe(1);
  });
});
