/** account.me: who the caller is — roles with their organisations and the display name, never personal data. */
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.me', () => {
  it('answers the roles with their organisation names and the binding', async () => {
    const f = await fixture();
    const unit = await f.unit({ category: 'two_new', district: 'yuecheng', youthCount: 40 });
    const admin = await f.admin('unitAdmin', unit);
    const me = dataOf(await f.h.call('account', 'me', {}, admin));
    expect(me.roles).toEqual([{ role: 'unitAdmin', orgId: unit._id, orgName: unit.name }]);
    expect(JSON.stringify(me)).not.toMatch(/idNumber|phone/);
  });

  it('needs an identity', async () => {
    const f = await fixture();
    expect(codeOf(await f.h.call('account', 'me', {}, null))).toBe('AUTH.UNAUTHENTICATED');
  });
});
