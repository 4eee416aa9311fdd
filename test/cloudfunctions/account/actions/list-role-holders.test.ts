import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.roleHolders (issue 8 §7)', () => {
  it('lists the roles the caller may take away at one organisation, and its open invitations', async () => {
    const f = await fixture();
    const zhuji = await f.district('zhuji');
    const keqiao = await f.district('keqiao');
    const unit = await f.unit({ district: zhuji });
    const foreign = await f.unit({ district: keqiao });
    const city = await f.admin('cityAdmin', f.city);
    const district = await f.admin('districtAdmin', zhuji, { name: '钱书记' });
    const admin = await f.admin('unitAdmin', unit, { name: '李管理员' });
    await f.youth(unit);
    dataOf(await f.h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: unit._id }, district));

    const atUnit = dataOf(await f.h.call('account', 'roleHolders', { orgId: unit._id }, district));
    expect(atUnit.org).toEqual({ id: unit._id, name: unit.name, level: 'unit' });
    // Youths are not the district's to take away.
    expect(atUnit.holders).toEqual([{ openid: admin.openid, displayName: '李管理员', role: 'unitAdmin' }]);
    expect(atUnit.invites).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16,}$/),
        role: 'unitAdmin',
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      },
    ]);
    const atDistrict = dataOf(await f.h.call('account', 'roleHolders', { orgId: zhuji._id }, city));
    expect(atDistrict.holders).toEqual([{ openid: district.openid, displayName: '钱书记', role: 'districtAdmin' }]);
    // The district sees nothing of its own level or of another district.
    expect(dataOf(await f.h.call('account', 'roleHolders', { orgId: zhuji._id }, district)).holders).toEqual([]);
    expect(codeOf(await f.h.call('account', 'roleHolders', { orgId: foreign._id }, district))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await f.h.call('account', 'roleHolders', { orgId: unit._id }, admin))).toBe('AUTH.FORBIDDEN');
  });
});
