import type { AuditDoc, FilingDoc, NominationDoc, OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { approval, fixture, type Fixture, type Nominee, type Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

/** A district's self-filing units (R4.4: 机关 and 国企 file their own list) and a two_new company its district files for. */
async function districtUnits(f: Fixture, id: string) {
  const d = await f.district(id);
  return {
    gov: await f.unit({ name: `${d.name}人民政府办公室`, category: 'party_gov', youthCount: 12, district: d }),
    market: await f.unit({ name: `${d.name}市场监督管理局`, category: 'party_gov', youthCount: 20, district: d }),
    invest: await f.unit({ name: `${d.name}城市建设投资集团有限公司`, category: 'soe', youthCount: 45, district: d }),
    bank: await f.unit({ name: `${d.name}农村商业银行`, category: 'soe', youthCount: 0, district: d }),
    tech: await f.unit({ name: `${d.name}智造科技有限公司`, category: 'two_new', youthCount: 39, district: d }),
  };
}

describe('admin filing: filings, file, reopen, remindLate, attachScan (R4.4, R4.5)', () => {
  let f: Fixture;
  let h: Harness;
  let gov: OrgDoc;
  let govAdmin: Person;
  let otherGovAdmin: Person;
  let techAdmin: Person;
  let districtAdmin: Person;
  let city: Person;
  let approved: Nominee;
  let unitFiling: string;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    // Two city-level units, and two districts of five units each.
    await f.unit({ name: '绍兴市发展和改革委员会', category: 'party_gov', district: null });
    await f.unit({ name: '绍兴市交通投资集团有限公司', category: 'soe', district: null });
    const yuecheng = await districtUnits(f, 'yuecheng');
    await districtUnits(f, 'keqiao');
    gov = yuecheng.gov; // files its own list; quota 1
    govAdmin = await f.admin('unitAdmin', gov, { name: '孙主任' });
    otherGovAdmin = await f.admin('unitAdmin', gov);
    techAdmin = await f.admin('unitAdmin', yuecheng.tech);
    districtAdmin = await f.admin('districtAdmin', await f.district('yuecheng'));
    city = await f.admin('cityAdmin', f.city);
    approved = await f.nomination(gov, { status: 'approved' });
    unitFiling = `${f.period!._id}:unit:${gov._id}`;
  });

  it('a unit files its list, which then locks until the district reopens it with a reason', async () => {
    const filed = dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    expect(filed.filing).toEqual(expect.objectContaining({ state: 'filed', approvedRows: 1 }));
    expect(codeOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin))).toBe('FILING.ALREADY_FILED');
    const late = await f.nomination(gov);
    const approveLate = approval(late.id);
    expect(codeOf(await h.call('nomination', 'review', approveLate, govAdmin))).toBe('FILING.LOCKED');
    expect(codeOf(await h.call('admin', 'reopen', { filingId: unitFiling, reason: '补报' }, govAdmin))).toBe(
      'AUTH.FORBIDDEN',
    );
    const reopened = dataOf(
      await h.call('admin', 'reopen', { filingId: unitFiling, reason: '补报一名' }, districtAdmin),
    );
    expect(reopened.filing).toEqual(expect.objectContaining({ state: 'reopened', reopenReason: '补报一名' }));
    expect(
      codeOf(await h.call('admin', 'setQuota', { unitId: gov._id, quota: 2, reason: '补报' }, districtAdmin)),
    ).toBe('OK');
    expect(codeOf(await h.call('nomination', 'review', approveLate, govAdmin))).toBe('OK');
  });

  it('districts file their other grassroots units separately; the city sees who has filed', async () => {
    const grassroots = `${f.period!._id}:district:yuecheng`;
    expect(codeOf(await h.call('admin', 'file', { filingId: grassroots }, techAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    dataOf(await h.call('admin', 'file', { filingId: grassroots }, districtAdmin));
    const list = dataOf(await h.call('admin', 'filings', { pageSize: 50 }, city));
    expect(list.total).toBe(2 + 2 * 4 + 2); // city-level units, must-cover units per district, one grassroots filing per district
    expect(list.items.filter((x) => x.state === 'filed').map((x) => x.name)).toEqual(['越城区（其他基层领域）']);
    const late = dataOf(await h.call('admin', 'filings', { state: 'open', pageSize: 50 }, districtAdmin));
    expect(late.items.map((x) => x.name)).toEqual([
      '越城区人民政府办公室',
      '越城区市场监督管理局',
      '越城区城市建设投资集团有限公司',
      '越城区农村商业银行',
    ]);
  });

  it('reminds the late with one tap, into the outbox', async () => {
    const { reminded } = dataOf(await h.call('admin', 'remindLate', {}, districtAdmin));
    // 越城区人民政府办公室's two admins, and the district for its grassroots filing; the other units have no admin.
    expect(reminded).toBe(3);
    const outbox = await h.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' });
    expect(outbox.map((o) => (o as unknown as { toOpenid: string }).toOpenid).sort()).toEqual(
      [districtAdmin, govAdmin, otherGovAdmin].map((p) => p.openid).sort(),
    );
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

  const hash = (c: string) => c.repeat(64);
  const photos = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ fileId: `local://page${i + 1}.jpg`, sha256: hash('abcdef'[i % 6]) }));

  it('the stamped photos keep files, hashes, pages and uploader; a row-count mismatch is flagged to the district', async () => {
    const scan = { filingId: unitFiling, kind: 'photos', files: photos(2), pageCount: 2, confirmedRows: 2 } as const;
    expect(codeOf(await h.call('admin', 'attachScan', scan, govAdmin))).toBe('FILING.NOT_FILED');
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    const res = dataOf(await h.call('admin', 'attachScan', scan, govAdmin, 'req_scan00000001'));
    expect(res.filing.rowMismatch).toBe(true);
    expect(res.filing.scan).toEqual({
      kind: 'photos',
      files: [
        { fileId: 'local://page1.jpg', sha256: hash('a') },
        { fileId: 'local://page2.jpg', sha256: hash('b') },
      ],
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
          sha256: [hash('a'), hash('b')],
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
    const pdf = { fileId: 'cloud://env-1.bucket/scans/stamped.pdf', sha256: hash('c') };
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
