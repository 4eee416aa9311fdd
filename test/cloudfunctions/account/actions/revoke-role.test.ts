import { C, type AuditDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.revokeRole (issue 8 §7)', () => {
  it('the city takes a district admin’s role away, with a reason, audited; the role is gone at once', async () => {
    const f = await fixture();
    const zhuji = await f.district('zhuji');
    const unit = await f.unit({ district: zhuji });
    const city = await f.admin('cityAdmin', f.city);
    const qian = await f.admin('districtAdmin', zhuji);
    const revoke = (
      who: { openid: string },
      target: { openid: string },
      role: 'districtAdmin' | 'unitAdmin',
      orgId: string,
    ) => f.h.call('account', 'revokeRole', { openid: target.openid, role, orgId, reason: '已调离团区委岗位' }, who);

    // The district admin still works, then not.
    expect((await f.h.call('admin', 'dashboard', {}, qian)).ok).toBe(true);
    const before = await f.h.snapshot();
    expect(
      codeOf(
        await f.h.call(
          'account',
          'revokeRole',
          { openid: qian.openid, role: 'districtAdmin', orgId: zhuji._id, reason: '短' },
          city,
        ),
      ),
    ).toBe('INPUT.INVALID');
    expect(await f.h.snapshot()).toEqual(before);
    dataOf(await revoke(city, qian, 'districtAdmin', zhuji._id));
    expect(codeOf(await f.h.call('admin', 'dashboard', {}, qian))).toBe('AUTH.FORBIDDEN');
    const me = dataOf(await f.h.call('account', 'me', {}, qian));
    expect(me.roles).toEqual([]);
    const audit = await f.h.deps.store.collection<AuditDoc>(C.audit).find({ action: 'account.revokeRole' });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: city.openid,
        target: `accounts/${qian.openid}`,
        details: { role: 'districtAdmin', orgId: zhuji._id, reason: '已调离团区委岗位' },
      }),
    ]);
    // Gone is gone: a second revoke finds nothing.
    expect(codeOf(await revoke(city, qian, 'districtAdmin', zhuji._id))).toBe('ROLE.NOT_FOUND');
    void unit;
  });

  it('only the level above, within its scope: a district revokes its own units’ admins, nothing else', async () => {
    const f = await fixture();
    const zhuji = await f.district('zhuji');
    const keqiao = await f.district('keqiao');
    const own = await f.unit({ district: zhuji });
    const foreign = await f.unit({ district: keqiao });
    const district = await f.admin('districtAdmin', zhuji);
    const otherDistrict = await f.admin('districtAdmin', keqiao);
    const ownAdmin = await f.admin('unitAdmin', own);
    const foreignAdmin = await f.admin('unitAdmin', foreign);
    const youth = await f.youth(own);
    const reason = '单位管理员已离职';
    const revoke = (
      who: { openid: string },
      target: { openid: string },
      role: 'districtAdmin' | 'unitAdmin' | 'youth',
      orgId: string,
    ) => f.h.call('account', 'revokeRole', { openid: target.openid, role, orgId, reason }, who);

    const before = await f.h.snapshot();
    expect(codeOf(await revoke(district, foreignAdmin, 'unitAdmin', foreign._id))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await revoke(district, otherDistrict, 'districtAdmin', keqiao._id))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await revoke(district, youth, 'youth', own._id))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await revoke(ownAdmin, ownAdmin, 'unitAdmin', own._id))).toBe('AUTH.FORBIDDEN');
    expect(await f.h.snapshot()).toEqual(before);
    dataOf(await revoke(district, ownAdmin, 'unitAdmin', own._id));
    expect(codeOf(await f.h.call('nomination', 'listForReview', { page: 1, pageSize: 20 }, ownAdmin))).toBe(
      'AUTH.FORBIDDEN',
    );
  });

  it('a role given by configuration is not the level above’s to take: it is removed from HQN_BOOTSTRAP_CITY_ADMINS', async () => {
    const f = await fixture({ bootstrapCityAdmins: ['boot'] });
    const other = await f.admin('cityAdmin', f.city);
    expect(
      codeOf(
        await f.h.call(
          'account',
          'revokeRole',
          { openid: 'boot', role: 'cityAdmin', orgId: f.city._id, reason: '配置管理员' },
          other,
        ),
      ),
    ).toBe('AUTH.FORBIDDEN');
  });
});
