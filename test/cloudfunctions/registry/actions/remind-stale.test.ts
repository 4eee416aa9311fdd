import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, NOW } from '../../../support/harness';
import { A_YEAR_LATER, youthScene } from '../youth-scene';

describe('registry.remindStale (issue 14)', () => {
  it('reminds a unit’s stale youths with one tap, once a day, and counts those without an account', async () => {
    const f = await fixture();
    const { unit, admin, youth } = await youthScene(f, 2);
    dataOf(await f.h.call('registry', 'myRecord', {}, youth)); // the youth's record is found through the nomination
    dataOf(await f.h.call('registry', 'confirmMine', { unitId: unit._id, post: '技术员' }, youth)); // links the account
    f.h.setNow(A_YEAR_LATER(NOW));
    const res = dataOf(await f.h.call('registry', 'remindStale', { unitId: unit._id }, admin));
    expect(res).toEqual({ reminded: 1, withoutAccount: 2 });
    const messages = await f.h.deps.store
      .collection('messages')
      .find({ toOpenid: youth.openid, kind: 'youth.confirmDue' });
    expect(messages).toEqual([expect.objectContaining({ page: 'package-data/pages/mine/index' })]);
    expect(codeOf(await f.h.call('registry', 'remindStale', { unitId: unit._id }, admin))).toBe('YOUTH.REMINDED');
    const other = await f.admin('unitAdmin', await f.unit());
    expect(codeOf(await f.h.call('registry', 'remindStale', { unitId: unit._id }, other))).toBe('AUTH.OUT_OF_SCOPE');
  });
});
