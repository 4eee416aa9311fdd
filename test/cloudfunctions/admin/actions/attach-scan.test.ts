import type { AuditDoc, FilingDoc, NominationDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Nominee, Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { page, PDF, PNG, sha256, uploadAs } from '../../../support/uploads';
import { filingScene } from '../filing-scene';

describe('admin.attachScan (R4.5)', () => {
  let h: Harness;
  let govAdmin: Person;
  let districtAdmin: Person;
  let approved: Nominee;
  let unitFiling: string;
  beforeEach(async () => {
    ({ h, govAdmin, districtAdmin, approved, unitFiling } = await filingScene());
  });

  const hash = (c: string) => c.repeat(64);
  const photos = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ fileId: `local://page${i + 1}.jpg`, sha256: hash('abcdef'[i % 6]) }));
  /** Photos the uploader really stored under their own prefix. */
  const uploaded = (n: number, who: { openid: string } = govAdmin) =>
    Promise.all(Array.from({ length: n }, (_, i) => uploadAs(h.deps, who, page(i + 1), 'jpg')));

  it('the stamped photos keep files, hashes, pages and uploader; a row-count mismatch is flagged to the district', async () => {
    const files = await uploaded(2);
    const scan = { filingId: unitFiling, kind: 'photos', files, pageCount: 2, confirmedRows: 2 } as const;
    expect(codeOf(await h.call('admin', 'attachScan', scan, govAdmin))).toBe('FILING.NOT_FILED');
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    const res = dataOf(await h.call('admin', 'attachScan', scan, govAdmin, 'req_scan00000001'));
    expect(res.filing.rowMismatch).toBe(true);
    expect(res.filing.scan).toEqual({
      kind: 'photos',
      files,
      pageCount: 2,
      confirmedRows: 2,
      uploadedByName: '孙主任',
      at: expect.any(String),
    });
    expect(
      await h.deps.store.collection('outbox').count({ toOpenid: districtAdmin.openid, title: '备案行数不一致' }),
    ).toBe(1);
    // The audit keeps the hashes and counts, no file ids and nothing about the youths.
    const audits = await h.deps.store.collection<AuditDoc>('audit').find({ requestId: 'req_scan00000001' });
    expect(audits).toEqual([
      expect.objectContaining({
        actor: govAdmin.openid,
        action: 'admin.attachScan',
        target: `filings/${unitFiling}`,
        details: {
          kind: 'photos',
          files: 2,
          sha256: [sha256(page(1)), sha256(page(2))],
          pageCount: 2,
          confirmedRows: 2,
          mismatch: true,
        },
      }),
    ]);
    const nominee = await h.deps.store.collection<NominationDoc>('nominations').get(approved.id);
    const text = JSON.stringify(audits);
    for (const value of ['local://', nominee!.name, nominee!.idNumberMasked, nominee!.phoneMasked])
      expect(text).not.toContain(value);
  });

  it('a PDF is one file with the page count as entered; a matching row count is not flagged', async () => {
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    const pdf = await uploadAs(h.deps, govAdmin, PDF, 'pdf');
    const scan = { filingId: unitFiling, kind: 'pdf' as const, files: [pdf], pageCount: 3, confirmedRows: 1 };
    const res = dataOf(await h.call('admin', 'attachScan', scan, govAdmin));
    expect(res.filing).toEqual(
      expect.objectContaining({
        rowMismatch: false,
        scan: expect.objectContaining({ kind: 'pdf', files: [pdf], pageCount: 3, confirmedRows: 1 }),
      }),
    );
    expect(await h.deps.store.collection('outbox').count({ title: '备案行数不一致' })).toBe(0);
    // A later upload replaces the earlier one; the filings list shows the same.
    const list = dataOf(await h.call('admin', 'filings', {}, govAdmin));
    expect(list.items[0].scan).toEqual(res.filing.scan);
  });

  it('verifies what it records: the uploader’s own files, of the kind’s type, hashed by the server', async () => {
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    const attach = (files: Array<{ fileId: string; sha256: string }>, kind: 'pdf' | 'photos' = 'photos') =>
      h.call(
        'admin',
        'attachScan',
        { filingId: unitFiling, kind, files, pageCount: kind === 'pdf' ? 1 : files.length, confirmedRows: 1 },
        govAdmin,
      );
    const problem = (res: Awaited<ReturnType<typeof attach>>) => (res.ok ? 'ok' : res.error.details?.problem);
    const before = await h.snapshot();
    // Any file id at all: not under the caller's prefix.
    expect(problem(await attach(photos(1)))).toBe('not_own');
    // Someone else's upload (the district's), even a real one.
    expect(problem(await attach([await uploadAs(h.deps, districtAdmin, page(1), 'jpg')]))).toBe('not_own');
    // Under the prefix, but never uploaded.
    const ghost = await uploadAs(h.deps, govAdmin, page(1), 'jpg');
    await h.deps.files.remove(ghost.fileId);
    expect(problem(await attach([ghost]))).toBe('missing');
    // A PDF sent as photos, a photo sent as the PDF, text named .pdf.
    expect(problem(await attach([await uploadAs(h.deps, govAdmin, PDF, 'pdf')]))).toBe('type');
    expect(problem(await attach([await uploadAs(h.deps, govAdmin, PNG, 'png')], 'pdf'))).toBe('type');
    expect(problem(await attach([await uploadAs(h.deps, govAdmin, Buffer.from('<html>'), 'pdf')], 'pdf'))).toBe('type');
    // A hash the phone took of other bytes than those stored.
    const [real] = await uploaded(1);
    expect(problem(await attach([{ ...real, sha256: hash('a') }]))).toBe('hash');
    // Too big for a photo.
    const huge = await uploadAs(h.deps, govAdmin, Buffer.concat([page(1), Buffer.alloc(5 * 1024 * 1024)]), 'jpg');
    expect(problem(await attach([huge]))).toBe('size');
    const after = await h.snapshot();
    expect(after).toEqual(before);
    expect(dataOf(await attach([real])).filing.scan?.files).toEqual([{ fileId: real.fileId, sha256: sha256(page(1)) }]);
  });

  it.each([
    ['a PDF of two files', { kind: 'pdf', files: photos(2), pageCount: 2 }, 'files', 'custom'],
    [
      'photos whose page count is not their number',
      { kind: 'photos', files: photos(3), pageCount: 2 },
      'pageCount',
      'custom',
    ],
    ['more than 9 photos', { kind: 'photos', files: photos(10), pageCount: 10 }, 'files', 'too_big'],
    ['no file', { kind: 'photos', files: [], pageCount: 1 }, 'files', 'too_small'],
    ['an unknown kind', { kind: 'word', files: photos(1), pageCount: 1 }, 'kind', 'invalid_value'],
    ['a PDF of 201 pages', { kind: 'pdf', files: photos(1), pageCount: 201 }, 'pageCount', 'too_big'],
    [
      'an upper-case hash',
      { kind: 'pdf', files: [{ fileId: 'local://a.pdf', sha256: 'A'.repeat(64) }], pageCount: 1 },
      'files.0.sha256',
      'invalid_format',
    ],
    [
      'a file id that walks out of the store',
      { kind: 'pdf', files: [{ fileId: 'local://../../etc/passwd', sha256: hash('a') }], pageCount: 1 },
      'files.0.fileId',
      'invalid_format',
    ],
  ])('refuses %s as INPUT.INVALID at its field, recording nothing', async (_label, shape, path, code) => {
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    // Malformed on purpose: each row breaks the scan's shape.
    const event = { action: 'attachScan', data: { filingId: unitFiling, confirmedRows: 1, ...shape } };
    const res = await h.callRaw('admin', event, govAdmin);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({
          code: 'INPUT.INVALID',
          details: { issues: expect.arrayContaining([{ path, code }]) },
        }),
      }),
    );
    expect((await h.deps.store.collection<FilingDoc>('filings').get(unitFiling))?.scan).toBeNull();
  });
});
