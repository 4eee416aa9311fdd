import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Fixture, Nominee, Person } from '../../../support/fixtures';
import { dataOf, type Harness } from '../../../support/harness';
import { objectionScene } from '../objection-scene';

describe('admin.objections (R8)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let approved: Nominee;
  const content = '该同志并非本单位在编人员，请核实。';
  beforeEach(async () => {
    ({ f, h, unit, admin, approved } = await objectionScene());
  });

  it('lists the objections to the unit’s youths, open or resolved, to its admin only', async () => {
    const { objectionId } = dataOf(await h.call('notice', 'object', { nominationId: approved.id, content }, 'citizen'));
    const open = dataOf(await h.call('admin', 'objections', { status: 'open' }, admin));
    expect(open.items).toEqual([
      expect.objectContaining({ id: objectionId, youthName: approved.name, unitName: unit.name, status: 'open' }),
    ]);
    expect(dataOf(await h.call('admin', 'objections', { status: 'resolved' }, admin)).total).toBe(0);
    const elsewhere = await f.admin('unitAdmin', await f.unit({ district: 'keqiao' }));
    expect(dataOf(await h.call('admin', 'objections', {}, elsewhere)).total).toBe(0);
  });
});
