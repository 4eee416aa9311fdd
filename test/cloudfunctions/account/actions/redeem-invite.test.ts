import { fixture, type Fixture } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';

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
