/**
 * Issue 8 §8: a nomination that reuses a person's key (after withdrawal or rejection) starts a new history; the
 * old record, with its comments, stays with the unit that handled it.
 */
import { C, type NominationDoc } from '../../../cloudfunctions/_lib/collections';
import type { NominationView } from '../../../miniprogram/core/contracts/nomination';
import { demoForm, demoIdNumber } from '../../../scripts/local/seed';
import { dataOf, makeHarness } from '../../support/harness';

const idNumber = demoIdNumber('330602', '1996-05-20', 11);
const form = demoForm({ name: '周青', idNumber, phone: '13800009999', post: '工程师' });
const OLD_COMMENT = '请补充：本人曾受处分情况说明';

it('a new nomination of the same person starts a new history; the old one stays with the old record', async () => {
  const h = await makeHarness();
  await h.consent('dev-youth-zhang');
  const first = dataOf<{ nomination: NominationView }>(
    await h.call('nomination', 'submitSelf', form, 'dev-youth-zhang'),
  ).nomination;
  dataOf(
    await h.call(
      'nomination',
      'review',
      { nominationId: first.id, decision: 'return', comment: OLD_COMMENT },
      'dev-unit-admin',
    ),
  );
  dataOf(await h.call('nomination', 'withdraw', { nominationId: first.id }, 'dev-youth-zhang'));

  // Another unit (孙主任's 机关 unit) recommends the same person.
  const second = dataOf<{ nomination: NominationView }>(
    await h.call(
      'nomination',
      'nominateByUnit',
      { unitId: 'yuecheng-gov', form, consentObtained: true },
      'dev-unit-admin-gov',
    ),
  ).nomination;
  expect(second.history.map((e) => e.action)).toEqual(['submit']);
  const detail = await h.call('nomination', 'get', { nominationId: second.id }, 'dev-unit-admin-gov');
  expect(JSON.stringify(detail)).not.toContain(OLD_COMMENT);

  const kept = await h.deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ idHash: h.deps.crypto.hash(idNumber), status: 'withdrawn' });
  expect(kept).toHaveLength(1);
  expect(kept[0]).toEqual(expect.objectContaining({ unitId: 'yuecheng-tech', eraseAfter: expect.any(Date) }));
  expect(kept[0].history.map((e) => e.comment)).toContain(OLD_COMMENT);
});
