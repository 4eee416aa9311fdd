/**
 * The router every function uses (cloudfunctions/_lib/router.ts): each failure has its own code and writes
 * nothing; bad input gets INPUT.INVALID with field paths (30+ malformed payloads, each against a real
 * router); request ids, faults and audits. Events are sent raw here on purpose (`h.callRaw`).
 */
import { fixture, idNumberOf, nominationForm, type Fixture } from '../../support/fixtures';
import type { FunctionName, Harness } from '../../support/harness';

const YOUTH = 'youth';
const UNIT_ADMIN = 'unit-admin';
const DISTRICT_ADMIN = 'district-admin';

/** 张晓青's complete, valid form. */
const valid = () =>
  nominationForm({ name: '张晓青', idNumber: idNumberOf('1996-05-20', 1), phone: '13800001111' }, { post: '工程师' });
const without = (key: string) => {
  const f: Record<string, unknown> = { ...valid() };
  delete f[key];
  return f;
};

/** A youth of a unit in 越城区, its admin, the district's admin, and a unit in 柯桥区. */
async function world(): Promise<Fixture> {
  const f = await fixture();
  const unit = await f.unit({ district: 'yuecheng' });
  await f.unit({ id: 'keqiao-tech', district: 'keqiao' });
  await f.youth(unit, { openid: YOUTH, name: '张晓青' });
  await f.admin('unitAdmin', unit, { openid: UNIT_ADMIN });
  await f.admin('districtAdmin', await f.district('yuecheng'), { openid: DISTRICT_ADMIN });
  return f;
}

describe('router: each failure has its own code and writes nothing', () => {
  let h: Harness;
  beforeEach(async () => {
    h = (await world()).h;
  });

  it.each<[string, FunctionName, unknown, string | null, string]>([
    ['unknown action', 'nomination', { action: 'dropTables' }, YOUTH, 'ACTION.UNKNOWN'],
    ['event not an object', 'nomination', 'hello', YOUTH, 'INPUT.INVALID'],
    ['action not a string', 'nomination', { action: 42 }, YOUTH, 'INPUT.INVALID'],
    ['invalid input', 'nomination', { action: 'submitSelf', data: { name: '' } }, YOUTH, 'INPUT.INVALID'],
    ['missing identity', 'nomination', { action: 'submitSelf', data: valid() }, null, 'AUTH.UNAUTHENTICATED'],
    ['wrong role', 'nomination', { action: 'submitSelf', data: valid() }, UNIT_ADMIN, 'AUTH.FORBIDDEN'],
    [
      'unregistered user on a youth action',
      'nomination',
      { action: 'getMine', data: {} },
      'stranger',
      'AUTH.FORBIDDEN',
    ],
    [
      'out-of-scope organisation',
      'nomination',
      { action: 'listForReview', data: { unitId: 'keqiao-tech' } },
      DISTRICT_ADMIN,
      'AUTH.OUT_OF_SCOPE',
    ],
    ['inherited property as action', 'account', { action: 'constructor' }, YOUTH, 'ACTION.UNKNOWN'],
  ])('%s → %s', async (_label, fn, event, openid, code) => {
    const before = await h.snapshot();
    const res = await h.callRaw(fn, event, openid);
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code }), requestId: expect.any(String) });
    expect(await h.snapshot()).toEqual(before);
  });

  it('reports the failing field paths for invalid input', async () => {
    const res = await h.callRaw(
      'nomination',
      { action: 'submitSelf', data: { ...valid(), phone: { $ne: null }, extra: 1 } },
      YOUTH,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) {
      const paths = (res.error.details?.issues as Array<{ path: string }>).map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['phone', '']));
    }
  });

  it('echoes a well-formed client request id and generates one otherwise', async () => {
    const given = await h.call('account', 'me', {}, YOUTH, 'req_abcdefgh1234');
    expect(given.requestId).toBe('req_abcdefgh1234');
    const generated = await h.call('account', 'me', {}, YOUTH, 'bad id with spaces');
    expect(generated.requestId).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('turns an unexpected fault into SYS.INTERNAL, logs only the request id and error', async () => {
    jest.spyOn(h.deps.store, 'collection').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const res = await h.call('account', 'me', {}, YOUTH, 'req_fault0000001');
    expect(res).toEqual({
      ok: false,
      error: { code: 'SYS.INTERNAL', message: 'internal error' },
      requestId: 'req_fault0000001',
    });
    expect(h.logs.join('\n')).toContain('req_fault0000001');
  });

  it('audits every successful write with actor, action, target, time and request id', async () => {
    const res = await h.call(
      'account',
      'bindUnit',
      { unitId: 'keqiao-tech', displayName: '新青年' },
      'newcomer',
      'req_bind00000001',
    );
    expect(res.ok).toBe(true);
    const audit = await h.deps.store.collection('audit').find({ requestId: 'req_bind00000001' });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'newcomer',
        action: 'account.bindUnit',
        target: 'orgs/keqiao-tech',
        at: h.deps.clock(),
      }),
    ]);
  });

  it('reads are not audited', async () => {
    await h.call('account', 'me', {}, YOUTH);
    expect(await h.deps.store.collection('audit').count({})).toBe(0);
  });
});

/** A well-formed stamped scan of two photos; each row breaks one thing. */
const scan = () => ({
  filingId: '2027:unit:unit-gov',
  kind: 'photos',
  files: [
    { fileId: 'local://p1.jpg', sha256: 'a'.repeat(64) },
    { fileId: 'local://p2.jpg', sha256: 'b'.repeat(64) },
  ],
  pageCount: 2,
  confirmedRows: 1,
});

type Row = [string, FunctionName, string, unknown];
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
    h = (await world()).h;
    await h.consent(YOUTH);
  });

  it('there are at least 30 cases', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('%s', async (_label, fn, action, data) => {
    const openid = action === 'review' || action === 'listForReview' ? UNIT_ADMIN : YOUTH;
    const before = await h.snapshot();
    const res = await h.callRaw(fn, { action, data }, openid);
    expect(res).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INPUT.INVALID' }),
      requestId: expect.any(String),
    });
    expect(await h.snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
