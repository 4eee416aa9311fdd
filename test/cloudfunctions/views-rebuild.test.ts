/**
 * Issue 8 §1: no response of any action lets one rebuild a full ID number or phone. A masked ID number hides
 * exactly the eight birth-date digits, so a view that also carries the birth date (in any spelling) gives the
 * number back. Only the audited reveal (and the official export) may return full values.
 */
import type { Envelope } from '../../miniprogram/core/contracts/define';
import type { FunctionName } from '../support/harness';
import type { NominationView } from '../../miniprogram/core/contracts/nomination';
import { demoForm, demoIdNumber } from '../../scripts/local/seed';
import { dataOf, makeHarness } from '../support/harness';

interface Person {
  idNumber: string;
  phone: string;
}

/** Every way the eight hidden digits could be spelled out beside the masked number. */
function birthSpellings(idNumber: string): string[] {
  const y = idNumber.slice(6, 10);
  const m = idNumber.slice(10, 12);
  const d = idNumber.slice(12, 14);
  const [mm, dd] = [String(Number(m)), String(Number(d))];
  return [`${y}-${m}-${d}`, `${y}${m}${d}`, `${y}/${m}/${d}`, `${y}年${mm}月${dd}日`, `${y}.${m}.${d}`];
}

function leaks(response: Envelope<unknown>, people: Person[]): string[] {
  const text = JSON.stringify(response);
  const found: string[] = [];
  for (const p of people) {
    if (text.includes(p.idNumber)) found.push(`full ID number ${p.idNumber}`);
    if (text.includes(p.phone)) found.push(`full phone ${p.phone}`);
    const masked = `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(14)}`;
    if (text.includes(masked)) {
      for (const spelling of birthSpellings(p.idNumber))
        if (text.includes(spelling)) found.push(`${masked} beside its birth date ${spelling}`);
    }
  }
  return found;
}

it('no response of any action carries a full number, or a masked number beside its birth date', async () => {
  const h = await makeHarness();
  const people: Person[] = [];
  const responses: Array<[string, Envelope<unknown>]> = [];
  // One loose wrapper so the scenario reads as a list; each call is still checked to succeed below.
  const call = async <T = unknown>(
    label: string,
    fn: FunctionName,
    action: string,
    data: unknown,
    openid: string | null,
  ): Promise<Envelope<T>> => {
    const res = await h.callRaw(fn, { action, data }, openid);
    responses.push([label, res]);
    return res as Envelope<T>;
  };
  const youth = { idNumber: demoIdNumber('330602', '1996-05-20', 31), phone: '13800003131' };
  const unitEntered = { idNumber: demoIdNumber('330602', '1993-11-08', 32), phone: '13900003232' };
  people.push(youth, unitEntered);

  await h.consent('dev-youth-zhang');
  await call('getMine (draft)', 'nomination', 'getMine', {}, 'dev-youth-zhang');
  const form = demoForm({ name: '张晓青', ...youth, post: '工程师' });
  const mine = dataOf(
    await call<{ nomination: NominationView }>('submitSelf', 'nomination', 'submitSelf', form, 'dev-youth-zhang'),
  ).nomination;
  await call('getMine', 'nomination', 'getMine', {}, 'dev-youth-zhang');
  await call('get (own)', 'nomination', 'get', { nominationId: mine.id }, 'dev-youth-zhang');
  await call('listForReview', 'nomination', 'listForReview', {}, 'dev-unit-admin');
  await call('get (reviewer)', 'nomination', 'get', { nominationId: mine.id }, 'dev-unit-admin');
  const unitForm = demoForm({ name: '王青', ...unitEntered, post: '技术员' });
  const byUnit = dataOf(
    await call<{ nomination: NominationView; claimCode: string }>(
      'nominateByUnit',
      'nomination',
      'nominateByUnit',
      {
        unitId: 'yuecheng-tech',
        form: unitForm,
        consentObtained: true,
      },
      'dev-unit-admin',
    ),
  );
  await h.consent('wang-phone');
  await call(
    'claim',
    'nomination',
    'claim',
    { claimCode: byUnit.claimCode, idNumber: unitEntered.idNumber },
    'wang-phone',
  );
  const approve = { decision: 'approve', confirm: { onStaff: true, attestations: true } };
  await call('review', 'nomination', 'review', { nominationId: mine.id, ...approve }, 'dev-unit-admin');
  await call(
    'review (return)',
    'nomination',
    'review',
    {
      nominationId: byUnit.nomination.id,
      decision: 'return',
      comment: '请补充事迹',
    },
    'dev-unit-admin',
  );
  for (const openid of ['dev-unit-admin', 'dev-district-admin', 'dev-city-admin'])
    await call(`roster (${openid})`, 'admin', 'roster', {}, openid);
  await call('notice list', 'notice', 'list', {}, null);
  await call('objections', 'admin', 'objections', {}, 'dev-unit-admin');
  await call('withdraw', 'nomination', 'withdraw', { nominationId: byUnit.nomination.id }, 'wang-phone');

  expect(responses.filter(([, r]) => !r.ok).map(([label, r]) => [label, r.ok ? '' : r.error.code])).toEqual([]);
  expect(responses.flatMap(([label, r]) => leaks(r, people).map((l) => `${label}: ${l}`))).toEqual([]);
});
