import { CODE_PATTERN } from '../../../../miniprogram/core/one-time-code';
import { fixture, type Fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.issueInvite', () => {
  const FIRST = 'first-city-admin';
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture({ bootstrapCityAdmins: [FIRST] });
  });

  it('the bootstrapped city admin invites a district admin, who invites a unit admin of its own district only', async () => {
    const { h } = f;
    const zhuji = await f.district('zhuji');
    const own = await f.unit({ district: zhuji });
    const foreign = await f.unit({ district: 'keqiao' });
    const invite = dataOf(await h.call('account', 'issueInvite', { role: 'districtAdmin', orgId: zhuji._id }, FIRST));
    expect(invite.code).toMatch(CODE_PATTERN);
    const me = dataOf(
      await h.call('account', 'redeemInvite', { code: invite.code, displayName: '钱书记' }, 'zhuji-cadre'),
    );
    expect(me.roles).toEqual([{ role: 'districtAdmin', orgId: 'zhuji', orgName: '诸暨市' }]);

    const reused = await h.call('account', 'redeemInvite', { code: invite.code, displayName: '别人' }, 'someone-else');
    expect(reused).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INVITE.USED' }) }),
    );

    const ownInvite = await h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: own._id }, 'zhuji-cadre');
    expect(ownInvite.ok).toBe(true);
    const foreignInvite = await h.call(
      'account',
      'issueInvite',
      { role: 'unitAdmin', orgId: foreign._id },
      'zhuji-cadre',
    );
    expect(foreignInvite).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }) }),
    );
    const upward = await h.call('account', 'issueInvite', { role: 'cityAdmin', orgId: 'city' }, 'zhuji-cadre');
    expect(upward).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) }),
    );
  });
});

describe('account.issueInvite: the code at rest (issue 8 §11)', () => {
  it('is stored, audited and cached only as a keyed hash, never in clear', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    const { code } = dataOf(
      await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: f.city._id }, city, 'req_invite_rest01'),
    );
    for (const name of ['invites', 'audit', 'requests']) {
      expect(JSON.stringify(await f.h.deps.store.collection(name).find({}))).not.toContain(code);
    }
  });
});

describe('account.issueInvite: mentors (issue 11)', () => {
  it('a district admin invites a mentor to its own district; the city to the city or any district', async () => {
    const f = await fixture();
    const zhuji = await f.district('zhuji');
    const keqiao = await f.district('keqiao');
    const district = await f.admin('districtAdmin', zhuji);
    const city = await f.admin('cityAdmin', f.city);
    const own = dataOf(await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: zhuji._id }, district));
    const me = dataOf(await f.h.call('account', 'redeemInvite', { code: own.code, displayName: '钱导师' }, 'mentor-q'));
    expect(me.roles).toEqual([{ role: 'mentor', orgId: 'zhuji', orgName: '诸暨市' }]);
    expect(codeOf(await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: keqiao._id }, district))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: f.city._id }, district))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect((await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: keqiao._id }, city)).ok).toBe(true);
    expect((await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: f.city._id }, city)).ok).toBe(true);
    const unit = await f.unit({ district: zhuji });
    expect(codeOf(await f.h.call('account', 'issueInvite', { role: 'mentor', orgId: unit._id }, city))).toBe(
      'ORG.NOT_FOUND',
    );
  });
});
