/**
 * nomination.reviewBatch (issue 9): a reviewer approves several nominations with one confirmation. They pass or
 * fail together — a refusal of any one (its unit's quota, its state, the reviewer's right) writes nothing and names
 * the record — and two batches at once never approve more than the quota (R3.1).
 */
import type { NominationDoc, OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Nominee, type Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

const CONFIRM = { onStaff: true, attestations: true } as const;

describe('nomination.reviewBatch', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let four: Nominee[];
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    // 60 youths at 20:1: three places.
    unit = await f.unit({ name: '越城区智造科技有限公司', district: 'yuecheng', youthCount: 60 });
    admin = await f.admin('unitAdmin', unit, { name: '陈管理员' });
    four = [];
    for (const name of ['张晓青', '李明', '王芳', '赵磊'])
      four.push(await f.nomination(unit, { youth: await f.youth(unit, { name, consent: true }) }));
  });
  const batch = (ids: string[], who: Person = admin) =>
    h.call('nomination', 'reviewBatch', { nominationIds: ids, confirm: CONFIRM }, who);
  const statuses = async () =>
    (await h.deps.store.collection<NominationDoc>('nominations').find({ unitId: unit._id })).map((n) => n.status);

  it('approves three within the quota with one call; each youth is told', async () => {
    const ids = four.slice(0, 3).map((n) => n.id);
    const { approved } = dataOf(await batch(ids));
    expect(approved.map((n) => [n.id, n.status])).toEqual(ids.map((id) => [id, 'approved']));
    expect((await statuses()).sort()).toEqual(['approved', 'approved', 'approved', 'submitted']);
    const told = await h.deps.store.collection('outbox').find({ title: '推荐审核结果' });
    expect(told).toHaveLength(3);
    const approvedDocs = await h.deps.store.collection<NominationDoc>('nominations').find({ status: 'approved' });
    for (const d of approvedDocs) expect(d.confirmation).toEqual(expect.objectContaining({ by: admin.openid }));
  });

  it('four over a quota of three: nothing is approved and the refusal names the fourth', async () => {
    const before = await h.snapshot();
    const res = await batch(four.map((n) => n.id));
    expect(codeOf(res)).toBe('QUOTA.EXCEEDED');
    expect(res.ok ? null : res.error.details).toEqual(expect.objectContaining({ nominationId: four[3].id }));
    expect(res.ok ? null : res.error.details?.name).toBeTruthy();
    expect(await h.snapshot()).toEqual(before);
    expect(await statuses()).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
  });

  it('a record already decided, or outside the reviewer’s units, refuses the whole batch', async () => {
    dataOf(await batch([four[0].id]));
    expect(codeOf(await batch([four[1].id, four[0].id]))).toBe('NOMINATION.INVALID_STATE');
    const other = await f.unit({ district: 'keqiao', youthCount: 100 });
    const stranger = (await f.nominations(other, 1))[0];
    expect(codeOf(await batch([four[1].id, stranger.id]))).toBe('AUTH.OUT_OF_SCOPE');
    // The district looks at a unit that has its own admin, but does not decide there.
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    expect(codeOf(await batch([four[1].id], district))).toBe('NOMINATION.NOT_REVIEWER');
    expect((await statuses()).sort()).toEqual(['approved', 'submitted', 'submitted', 'submitted']);
  });

  it('two batches at once never approve more than the quota', async () => {
    const [a, b] = await Promise.all([batch([four[0].id, four[1].id]), batch([four[2].id, four[3].id])]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(codeOf(a.ok ? b : a)).toBe('QUOTA.EXCEEDED');
    expect((await statuses()).filter((s) => s === 'approved')).toHaveLength(2);
  });

  it('checks its input: at least one, at most 20, no repeats, the confirmation given', async () => {
    const youth = await f.youth(unit, { consent: true });
    const before = await h.snapshot();
    const id = four[0].id;
    const tooMany = Array.from({ length: 21 }, (_, i) => `n${i}`);
    for (const nominationIds of [[], tooMany, [id, id]])
      expect(codeOf(await h.call('nomination', 'reviewBatch', { nominationIds, confirm: CONFIRM }, admin))).toBe(
        'INPUT.INVALID',
      );
    expect(codeOf(await h.call('nomination', 'reviewBatch', { nominationIds: [id] } as never, admin))).toBe(
      'INPUT.INVALID',
    );
    expect(codeOf(await batch([id], youth))).toBe('AUTH.FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);
  });
});
