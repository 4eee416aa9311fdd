import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Nominee, Person, Youth } from '../../../support/fixtures';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { objectionScene } from '../objection-scene';

describe('admin.resolveObjection (R8)', () => {
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let approved: Nominee;
  let youth: Youth;
  const content = '该同志并非本单位在编人员，请核实。';
  beforeEach(async () => {
    ({ h, unit, admin, approved, youth } = await objectionScene());
  });

  it('a disposed objection frees its slot: the same person may object to the same youth again', async () => {
    const object = () => h.call('notice', 'object', { nominationId: approved.id, content }, 'again');
    const first = dataOf(await object());
    expect(codeOf(await object())).toBe('OBJECTION.DUPLICATE');
    const resolved = await h.call(
      'admin',
      'resolveObjection',
      { objectionId: first.objectionId, disposition: 'dismissed', note: '经核实为在编人员。' },
      admin,
    );
    expect(codeOf(resolved)).toBe('OK');
    expect(codeOf(await object())).toBe('OK');
  });

  it('an upheld objection un-selects the youth and gives the place back; it is disposed of once', async () => {
    const { objectionId } = dataOf(await h.call('notice', 'object', { nominationId: approved.id, content }, 'citizen'));
    const resolved = dataOf(
      await h.call('admin', 'resolveObjection', { objectionId, disposition: 'upheld', note: '经核实非在编' }, admin),
    );
    expect(resolved.objection).toEqual(expect.objectContaining({ status: 'resolved', disposition: 'upheld' }));
    const youth = await h.deps.store.collection('nominations').get(approved.id);
    expect(youth).toEqual(expect.objectContaining({ status: 'rejected' }));
    const [quota] = dataOf(await h.call('admin', 'quotas', { unitId: unit._id }, admin)).items;
    expect(quota.approved).toBe(0);
    expect(
      codeOf(
        await h.call('admin', 'resolveObjection', { objectionId, disposition: 'dismissed', note: '重复反映' }, admin),
      ),
    ).toBe('OBJECTION.RESOLVED');
  });

  // Issue 9 §1: approval and return notify the youth; an upheld objection flipped them to 未通过 silently, and the
  // objector never heard the outcome of either disposition.
  const messagesOf = (openid: string) => h.deps.store.collection('messages').find({ toOpenid: openid });
  const outboxOf = (openid: string) => h.deps.store.collection('outbox').find({ toOpenid: openid });

  it('an upheld objection notifies the youth (in the message centre and the outbox) and tells the objector', async () => {
    const { objectionId } = dataOf(await h.call('notice', 'object', { nominationId: approved.id, content }, 'citizen'));
    await h.call('admin', 'resolveObjection', { objectionId, disposition: 'upheld', note: '经核实非在编' }, admin);
    expect(await messagesOf(youth.openid)).toEqual([
      expect.objectContaining({ kind: 'nomination.unselected', title: '公示异议处理结果', readAt: null }),
    ]);
    expect(await outboxOf(youth.openid)).toEqual([
      expect.objectContaining({ kind: 'nomination.unselected', status: 'pending', template: 'reviewResult' }),
    ]);
    const [told] = await messagesOf('citizen');
    expect(told).toEqual(expect.objectContaining({ kind: 'objection.resolved', title: '您反映的公示异议已处理' }));
    expect((told as unknown as { body: string }).body).toContain('成立');
    expect(await outboxOf('citizen')).toHaveLength(1);
  });

  it('a dismissed objection tells the objector and leaves the youth alone', async () => {
    const { objectionId } = dataOf(await h.call('notice', 'object', { nominationId: approved.id, content }, 'citizen'));
    await h.call(
      'admin',
      'resolveObjection',
      { objectionId, disposition: 'dismissed', note: '经核实为在编人员' },
      admin,
    );
    expect(await messagesOf(youth.openid)).toEqual([]);
    const [told] = await messagesOf('citizen');
    expect((told as unknown as { body: string }).body).toContain('不成立：经核实为在编人员');
  });
});

describe('admin.resolveObjection for a unit without an admin (issue 9 §2)', () => {
  const content = '该同志并非本单位在编人员，请核实。';

  it('the district disposes of it, as it reviews for the unit; the unit’s own admin does so once it has one', async () => {
    const f = await fixture();
    const unit = await f.unit({ name: '越城区青年志愿者协会', category: 'other_grassroots', district: 'yuecheng' });
    const approved = await f.nomination(unit, { status: 'approved' });
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    const city = await f.admin('cityAdmin', f.city);
    const object = async () =>
      dataOf(await f.h.call('notice', 'object', { nominationId: approved.id, content }, `citizen-${Math.random()}`));
    const dismiss = { disposition: 'dismissed', note: '经核实为在编人员。' } as const;

    const first = await object();
    // The list shows the district it may act on this one; the city only looks.
    const [row] = dataOf(await f.h.call('admin', 'objections', { status: 'open' }, district)).items;
    expect(row.mayResolve).toBe(true);
    const [cityRow] = dataOf(await f.h.call('admin', 'objections', { status: 'open' }, city)).items;
    expect(cityRow.mayResolve).toBe(false);
    expect(
      codeOf(await f.h.call('admin', 'resolveObjection', { objectionId: first.objectionId, ...dismiss }, city)),
    ).toBe('NOMINATION.NOT_REVIEWER');
    const done = dataOf(
      await f.h.call('admin', 'resolveObjection', { objectionId: first.objectionId, ...dismiss }, district),
    );
    expect(done.objection).toEqual(expect.objectContaining({ status: 'resolved', disposition: 'dismissed' }));

    // Once the unit has its own admin, the objection is theirs; the district only looks.
    const unitAdmin = await f.admin('unitAdmin', unit);
    const second = await object();
    expect(
      codeOf(await f.h.call('admin', 'resolveObjection', { objectionId: second.objectionId, ...dismiss }, district)),
    ).toBe('NOMINATION.NOT_REVIEWER');
    expect(
      codeOf(await f.h.call('admin', 'resolveObjection', { objectionId: second.objectionId, ...dismiss }, unitAdmin)),
    ).toBe('OK');
  });
});
