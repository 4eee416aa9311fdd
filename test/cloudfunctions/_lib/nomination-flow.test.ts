/**
 * Issue 8 §5: conflict of interest. A unit admin who is also a youth of their own unit never reviews or reveals
 * their own record; it goes to the level above.
 */
import { C, type AccountDoc } from '../../../cloudfunctions/_lib/collections';
import type { NominationView } from '../../../miniprogram/core/contracts/nomination';
import { demoForm, demoIdNumber } from '../../../scripts/local/seed';
import { dataOf, makeHarness, type Harness } from '../../support/harness';

const ADMIN = 'dev-unit-admin';
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error?.code);

async function selfNominatedAdmin(h: Harness): Promise<string> {
  // 陈管理员 is also bound as a youth of the unit she administers, and nominates herself.
  const accounts = h.deps.store.collection<AccountDoc>(C.accounts);
  const me = await accounts.get(ADMIN);
  await accounts.updateOne(
    { _id: ADMIN },
    { $set: { grants: [...(me?.grants ?? []), { role: 'youth', orgId: 'yuecheng-tech' }] } },
  );
  await h.consent(ADMIN);
  const form = demoForm({
    name: '陈管理员',
    idNumber: demoIdNumber('330602', '1994-02-02', 21),
    phone: '13800002121',
    post: '团委书记',
  });
  return dataOf<{ nomination: NominationView }>(await h.call('nomination', 'submitSelf', form, ADMIN)).nomination.id;
}

it.each([
  ['approve', { decision: 'approve', confirm: { onStaff: true, attestations: true } }],
  ['reject', { decision: 'reject', comment: '自己审核自己' }],
  ['return', { decision: 'return', comment: '自己审核自己' }],
] as const)('a reviewer cannot %s their own nomination, and nothing changes', async (_label, decision) => {
  const h = await makeHarness();
  const id = await selfNominatedAdmin(h);
  const before = await h.snapshot();
  expect(codeOf(await h.call('nomination', 'review', { nominationId: id, ...decision }, ADMIN))).toBe(
    'NOMINATION.OWN_RECORD',
  );
  expect(await h.snapshot()).toEqual(before);
});

it('a reviewer cannot reveal their own record through the audited view (their own view shows it masked)', async () => {
  const h = await makeHarness();
  const id = await selfNominatedAdmin(h);
  const reveal = await h.call(
    'nomination',
    'reveal',
    { nominationId: id, field: 'idNumber', reason: '核对信息' },
    ADMIN,
  );
  expect(codeOf(reveal)).toBe('NOMINATION.OWN_RECORD');
});
