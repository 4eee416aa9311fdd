/** Bad input gets a typed INPUT.* error and changes nothing: 30+ malformed payloads, each against the real router. */
import { demoForm, demoIdNumber } from '../../scripts/local/seed';
import { makeHarness, type Harness } from '../support/harness';

const YOUTH = 'dev-youth-zhang';
const valid = () =>
  demoForm({ name: '张晓青', idNumber: demoIdNumber('330602', '1996-05-20', 1), phone: '13800001111', post: '工程师' });
const without = (key: string) => {
  const f: Record<string, unknown> = { ...valid() };
  delete f[key];
  return f;
};

/** A well-formed stamped scan of two photos; each row breaks one thing. */
const scan = () => ({
  filingId: '2027:unit:yuecheng-gov',
  kind: 'photos',
  files: [
    { fileId: 'local://p1.jpg', sha256: 'a'.repeat(64) },
    { fileId: 'local://p2.jpg', sha256: 'b'.repeat(64) },
  ],
  pageCount: 2,
  confirmedRows: 1,
});

type Row = [string, string, string, unknown];
const submit = (label: string, data: unknown): Row => [label, 'nomination', 'submitSelf', data];

const ROWS: Row[] = [
  submit('data is null', null),
  submit('data is an array', [valid()]),
  submit('data is a string', 'name=张晓青'),
  submit('data is a number', 42),
  submit('name missing', without('name')),
  submit('idNumber missing', without('idNumber')),
  submit('phone missing', without('phone')),
  submit('attestations missing', without('attestations')),
  submit('deeds missing', without('deeds')),
  submit('name is a number', { ...valid(), name: 12345 }),
  submit('name is an operator object', { ...valid(), name: { $ne: null } }),
  submit('idNumber is an operator object', { ...valid(), idNumber: { $gt: '' } }),
  submit('phone is an operator object', { ...valid(), phone: { $regex: '.*' } }),
  submit('idNumber is an array', { ...valid(), idNumber: ['330602199605200012'] }),
  submit('onStaff is the string "true"', { ...valid(), onStaff: 'true' }),
  submit('onStaff is 1', { ...valid(), onStaff: 1 }),
  submit('education outside the national list', { ...valid(), education: '野鸡大学' }),
  submit('politicalStatus as an operator', { ...valid(), politicalStatus: { $in: ['masses'] } }),
  submit('attestations is a boolean', { ...valid(), attestations: true }),
  submit('attestations with an unknown key', {
    ...valid(),
    attestations: { political: true, moral: true, contribution: true, $where: '1' },
  }),
  submit('unknown top-level field', { ...valid(), status: 'approved' }),
  submit('youthOpenid smuggled in', { ...valid(), youthOpenid: 'dev-city-admin' }),
  submit('__proto__ pollution attempt', JSON.parse(`{"name":"张晓青","__proto__":{"admin":true}}`)),
  submit('name oversize (21 chars)', { ...valid(), name: '张'.repeat(21) }),
  submit('name with markup', { ...valid(), name: '<script>alert(1)</script>' }),
  submit('post oversize (41 chars)', { ...valid(), post: '岗'.repeat(41) }),
  submit('deeds oversize (1,501 chars)', { ...valid(), deeds: '事'.repeat(1501) }),
  submit('idNumber 2 MB long', { ...valid(), idNumber: '1'.repeat(2_000_000) }),
  submit('phone with letters', { ...valid(), phone: '1380000abcd' }),
  submit('photoFileId pointing elsewhere', { ...valid(), photoFileId: 'https://evil.example/x.jpg' }),
  submit('photoFileId path traversal', { ...valid(), photoFileId: 'local://../../etc/passwd' }),
  ['review with an operator as id', 'nomination', 'review', { nominationId: { $ne: null }, decision: 'approve' }],
  ['review with an unknown decision', 'nomination', 'review', { nominationId: '2027:abc', decision: 'promote' }],
  ['list with a negative page', 'nomination', 'listForReview', { page: -1 }],
  ['list with a huge page size', 'nomination', 'listForReview', { pageSize: 10_000 }],
  ['bindUnit with an operator as unit', 'account', 'bindUnit', { unitId: { $gt: '' }, displayName: '张' }],
  [
    'listUnits with a regex object keyword',
    'account',
    'listUnits',
    { districtId: 'keqiao', keyword: { $regex: '.*' } },
  ],
  ['claim with a lowercase short code', 'nomination', 'claim', { claimCode: 'abc', idNumber: '330602199605200012' }],
  ['attachScan with an operator as files', 'admin', 'attachScan', { ...scan(), files: { $ne: null } }],
  ['attachScan photos one short of their pages', 'admin', 'attachScan', { ...scan(), pageCount: 3 }],
  ['attachScan a PDF of two files', 'admin', 'attachScan', { ...scan(), kind: 'pdf' }],
  ['attachScan in the old one-file shape', 'admin', 'attachScan', { ...scan(), fileId: 'local://a.png' }],
  [
    'consent with a forged purpose',
    'account',
    'recordConsent',
    { purpose: 'marketing', version: '2026-11-v1', granted: true },
  ],
];

describe(`malformed payloads (${ROWS.length}) → INPUT.INVALID, nothing written`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
  });

  it('there are at least 30 cases', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('%s', async (_label, fn, action, data) => {
    const openid = action === 'review' || action === 'listForReview' ? 'dev-unit-admin' : YOUTH;
    const before = await h.snapshot();
    const res = await h.callRaw(fn as 'nomination', { action, data }, openid);
    expect(res).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INPUT.INVALID' }),
      requestId: expect.any(String),
    });
    expect(await h.snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
