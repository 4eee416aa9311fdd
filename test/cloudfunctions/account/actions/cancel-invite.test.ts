import { C, type AuditDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.cancelInvite (issue 8 §7)', () => {
  it('the issuing level voids an unused invitation with a reason: the code no longer works', async () => {
    const f = await fixture();
    const zhuji = await f.district('zhuji');
    const keqiao = await f.district('keqiao');
    const unit = await f.unit({ district: zhuji });
    const district = await f.admin('districtAdmin', zhuji);
    const otherDistrict = await f.admin('districtAdmin', keqiao);
    const { code } = dataOf(await f.h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: unit._id }, district));
    const list = dataOf(await f.h.call('account', 'roleHolders', { orgId: unit._id }, district));
    expect(list.invites).toHaveLength(1);
    const inviteId = list.invites[0].id;
    const cancel = (who: { openid: string }) =>
      f.h.call('account', 'cancelInvite', { inviteId, reason: '发错单位，作废重发' }, who);

    const before = await f.h.snapshot();
    expect(codeOf(await cancel(otherDistrict))).toBe('AUTH.OUT_OF_SCOPE');
    expect(await f.h.snapshot()).toEqual(before);
    dataOf(await cancel(district));
    expect(codeOf(await f.h.call('account', 'redeemInvite', { code, displayName: '李管理员' }, 'li'))).toBe(
      'INVITE.INVALID',
    );
    expect(dataOf(await f.h.call('account', 'roleHolders', { orgId: unit._id }, district)).invites).toEqual([]);
    expect(codeOf(await cancel(district))).toBe('INVITE.INVALID');
    const audit = await f.h.deps.store.collection<AuditDoc>(C.audit).find({ action: 'account.cancelInvite' });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: district.openid,
        details: { role: 'unitAdmin', orgId: unit._id, reason: '发错单位，作废重发' },
      }),
    ]);
    // The audit never names the code itself.
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('a used invitation cannot be cancelled (revoke the role instead)', async () => {
    const f = await fixture();
    const zhuji = await f.district('zhuji');
    const unit = await f.unit({ district: zhuji });
    const district = await f.admin('districtAdmin', zhuji);
    const { code } = dataOf(await f.h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: unit._id }, district));
    const [open] = dataOf(await f.h.call('account', 'roleHolders', { orgId: unit._id }, district)).invites;
    dataOf(await f.h.call('account', 'redeemInvite', { code, displayName: '李管理员' }, 'li'));
    expect(codeOf(await f.h.call('account', 'cancelInvite', { inviteId: open.id, reason: '已不需要' }, district))).toBe(
      'INVITE.USED',
    );
  });
});
