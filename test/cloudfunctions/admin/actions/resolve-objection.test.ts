import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Nominee, Person, Youth } from '../../../support/fixtures';
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
      codeOf(await h.call('admin', 'resolveObjection', { objectionId, disposition: 'dismissed', note: '重复' }, admin)),
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
