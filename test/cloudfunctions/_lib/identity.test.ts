/**
 * Issue 8 §7: a bootstrap city admin (HQN_BOOTSTRAP_CITY_ADMINS) holds the role only while configured; later
 * writes to the account never persist the configured grant.
 */
import { C, type AccountDoc } from '../../../cloudfunctions/_lib/collections';
import type { MeOutput } from '../../../miniprogram/core/contracts/account';
import type { Envelope } from '../../../miniprogram/core/contracts/define';
import { FUNCTIONS } from '../../../scripts/local/functions';
import { dataOf, makeHarness } from '../../support/harness';

const FIRST = 'first-city-admin';

it.each([
  ['binding to a unit', 'bindUnit', { unitId: 'keqiao-tech', displayName: '周部长' }],
  ['redeeming an invitation', 'redeemInvite', null],
])('after %s, removing the user from the bootstrap list removes the role', async (_label, action, data) => {
  const h = await makeHarness({ bootstrapCityAdmins: [FIRST] });
  // The first admin already has an account (e.g. from an earlier invitation as a mentor).
  const at = h.deps.clock();
  await h.deps.store
    .collection<AccountDoc>(C.accounts)
    .insert({ _id: FIRST, displayName: '周部长', grants: [], createdAt: at, updatedAt: at });
  let input: Record<string, unknown> | null = data;
  if (!input) {
    const { code } = dataOf<{ code: string }>(
      await h.call('account', 'issueInvite', { role: 'mentor', orgId: 'city' }, 'dev-city-admin'),
    );
    input = { code, displayName: '周部长' };
  }
  // The two actions take different inputs: one table row each, sent as the phone would.
  dataOf(await h.callRaw('account', { action, data: input }, FIRST));
  const stored = await h.deps.store.collection<AccountDoc>(C.accounts).get(FIRST);
  expect(stored?.grants.map((g) => g.role)).not.toContain('cityAdmin');
  const unconfigured = { ...h.deps, bootstrapCityAdmins: [] };
  const me = await FUNCTIONS.account.handle({ action: 'me', data: {} }, { openid: FIRST }, unconfigured);
  expect(dataOf(me as Envelope<MeOutput>).roles.map((r) => r.role)).not.toContain('cityAdmin');
});
