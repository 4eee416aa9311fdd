/** notice.object: anyone may object to a selected youth; limits taken atomically (R8). */
import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Nominee, type Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

describe('notice.object', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let approved: Nominee;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    // 400 youths: places for every approved youth these tests need.
    unit = await f.unit({ category: 'party_gov', youthCount: 400, district: 'yuecheng' });
    admin = await f.admin('unitAdmin', unit);
    approved = await f.nomination(unit, { status: 'approved' });
    await f.nomination(unit); // submitted: not in the notice
  });

  it('an objection needs an identity, keeps its contact encrypted and reaches the unit admin', async () => {
    const input = { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。' };
    expect(codeOf(await h.call('notice', 'object', input, null))).toBe('AUTH.UNAUTHENTICATED');
    const { objectionId } = dataOf(await h.call('notice', 'object', { ...input, contact: '13912345678' }, 'citizen'));
    // The objector's contact is a phone like any other: encrypted at rest.
    const stored = JSON.stringify(await h.deps.store.collection('objections').get(objectionId));
    expect(stored).not.toContain('13912345678');
    expect(await h.deps.store.collection('outbox').count({ toOpenid: admin.openid, title: '收到公示异议' })).toBe(1);
  });

  it.each([
    ['abc不是电话', 'INPUT.INVALID'],
    ['1391234567', 'INPUT.INVALID'], // 10 digits
    ['23912345678', 'INPUT.INVALID'],
    ['13912345678', 'OK'],
    ['0575-88123456', 'OK'],
    ['057588123456', 'OK'],
    ['', 'OK'], // no contact given
  ])('the contact %p must be a mainland mobile or landline (issue 9 §8): %s', async (contact, code) => {
    const input = { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。', contact };
    expect(codeOf(await h.call('notice', 'object', input, 'citizen'))).toBe(code);
  });

  it('one person cannot flood a unit with objections: one open per youth, five a day', async () => {
    const more = await f.nominations(unit, 5, { status: 'approved' });
    const object = (nominationId: string) =>
      h.call('notice', 'object', { nominationId, content: '据了解该同志并非本单位在编人员，请核实。' }, 'citizen');
    expect(codeOf(await object(approved.id))).toBe('OK');
    expect(codeOf(await object(approved.id))).toBe('OBJECTION.DUPLICATE');
    for (const n of more.slice(0, 4)) expect(codeOf(await object(n.id))).toBe('OK');
    const before = await h.snapshot();
    expect(codeOf(await object(more[4].id))).toBe('OBJECTION.LIMIT');
    expect(await h.snapshot()).toEqual(before);
    h.setNow(new Date(h.deps.clock().getTime() + 25 * 3_600_000));
    expect(codeOf(await object(more[4].id))).toBe('OK');
  });

  it('the limits hold under concurrency: ten objections at once take exactly five daily slots', async () => {
    const more = await f.nominations(unit, 10, { status: 'approved' });
    const outcomes = await Promise.all(
      more.map(async (n) =>
        codeOf(await h.call('notice', 'object', { nominationId: n.id, content: '请核实该同志的在编情况。' }, 'crowd')),
      ),
    );
    expect(outcomes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(outcomes.filter((c) => c === 'OBJECTION.LIMIT')).toHaveLength(5);
    expect(await h.deps.store.collection('objections').count({ filedBy: 'crowd' })).toBe(5);
  });
});
