import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Nominee, Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { objectionScene } from '../objection-scene';

describe('admin.resolveObjection (R8)', () => {
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let approved: Nominee;
  const content = '该同志并非本单位在编人员，请核实。';
  beforeEach(async () => {
    ({ h, unit, admin, approved } = await objectionScene());
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
});
