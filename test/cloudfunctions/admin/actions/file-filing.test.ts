import type { Nominee, Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { filingScene } from '../filing-scene';

describe('admin.file (R4.4, R8)', () => {
  let h: Harness;
  let govAdmin: Person;
  let approved: Nominee;
  let unitFiling: string;
  beforeEach(async () => {
    ({ h, govAdmin, approved, unitFiling } = await filingScene());
  });

  it('an open objection blocks filing until it is disposed of (R8)', async () => {
    const { objectionId } = dataOf(
      await h.call(
        'notice',
        'object',
        { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。' },
        'citizen',
      ),
    );
    expect(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin)).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'FILING.OBJECTIONS_PENDING', details: { open: 1 } }),
      }),
    );
    dataOf(
      await h.call('admin', 'resolveObjection', { objectionId, disposition: 'upheld', note: '经核实非在编' }, govAdmin),
    );
    expect(codeOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin))).toBe('OK');
  });
});
