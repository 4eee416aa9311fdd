import type {
  DashboardView,
  FilingView,
  ObjectionView,
  QuotaView,
  RosterItem,
} from '../../miniprogram/core/contracts/admin';
import type { Paged } from '../../miniprogram/core/contracts/common';
import type { NominationView } from '../../miniprogram/core/contracts/nomination';
import type { AccountDoc, AuditDoc, FilingDoc, NominationDoc } from '../../cloudfunctions/_lib/collections';
import type { Role } from '../../miniprogram/core/org';
import { dataOf, makeHarness, type Harness } from '../support/harness';
import { addNominations } from '../support/nominees';

const UNIT_ADMIN = 'dev-unit-admin'; // 越城区智造科技有限公司 (two_new, 39 youths → quota 1)
const DISTRICT = 'dev-district-admin'; // 越城区
const CITY = 'dev-city-admin';
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error?.code);

async function makeAdmin(h: Harness, openid: string, role: Role, orgId: string) {
  await h.deps.store.collection<AccountDoc>('accounts').insert({
    _id: openid,
    displayName: openid,
    grants: [{ role, orgId }],
    createdAt: h.deps.clock(),
    updatedAt: h.deps.clock(),
  });
}

describe('quotas (R3.1, R3.2)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('shows each unit its suggested quota beside the approved count', async () => {
    const list = dataOf<Paged<QuotaView>>(
      await h.call('admin', 'quotas', { districtId: 'keqiao' }, DISTRICT.replace('dev-district-admin', CITY)),
    );
    const byName = Object.fromEntries(
      list.items.map((q) => [q.unitName, [q.youthCount, q.suggested, q.limit, q.approved]]),
    );
    expect(byName).toEqual({
      柯桥区人民政府办公室: [12, 1, 1, 0],
      柯桥区市场监督管理局: [20, 1, 1, 0],
      柯桥区城市建设投资集团有限公司: [45, 2, 2, 0],
      柯桥区农村商业银行: [0, 0, 0, 0],
      柯桥区智造科技有限公司: [39, 1, 1, 0],
      柯桥区青年志愿者协会: [8, 1, 1, 0],
      柯桥区城南街道: [25, 1, 1, 0],
    });
  });

  it('a unit cannot approve beyond its quota; the district raises it with a recorded reason', async () => {
    const [a, b] = await addNominations(h.deps, 'yuecheng-tech', 2);
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: a, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        UNIT_ADMIN,
      ),
    );
    const refused = await h.call(
      'nomination',
      'review',
      { nominationId: b, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      UNIT_ADMIN,
    );
    expect(refused).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'QUOTA.EXCEEDED', details: { limit: 1, used: 1 } }),
      }),
    );
    expect(
      codeOf(
        await h.call('admin', 'setQuota', { unitId: 'yuecheng-tech', quota: 3, reason: '企业青年骨干多' }, UNIT_ADMIN),
      ),
    ).toBe('AUTH.FORBIDDEN');
    expect(
      codeOf(await h.call('admin', 'setQuota', { unitId: 'keqiao-tech', quota: 3, reason: '跨区' }, DISTRICT)),
    ).toBe('AUTH.OUT_OF_SCOPE');
    const raised = dataOf<{ quota: QuotaView }>(
      await h.call(
        'admin',
        'setQuota',
        { unitId: 'yuecheng-tech', quota: 3, reason: '企业青年骨干多' },
        DISTRICT,
        'req_quota0000001',
      ),
    );
    expect(raised.quota).toEqual(
      expect.objectContaining({ suggested: 1, override: 3, limit: 3, approved: 1, overrideReason: '企业青年骨干多' }),
    );
    expect(await h.deps.store.collection('audit').find({ requestId: 'req_quota0000001' })).toEqual([
      expect.objectContaining({ actor: DISTRICT, details: { from: 1, to: 3, reason: '企业青年骨干多' } }),
    ]);
    expect(
      codeOf(
        await h.call(
          'nomination',
          'review',
          { nominationId: b, decision: 'approve', confirm: { onStaff: true, attestations: true } },
          UNIT_ADMIN,
        ),
      ),
    ).toBe('OK');
    expect(codeOf(await h.call('admin', 'setQuota', { unitId: 'yuecheng-tech', quota: 1, reason: '压缩' }, CITY))).toBe(
      'QUOTA.BELOW_USED',
    );
  });

  it('a withdrawn approval gives its place back', async () => {
    await h.consent('dev-youth-zhang');
    const { nomination } = dataOf<{ nomination: NominationView }>(
      await h.call(
        'nomination',
        'submitSelf',
        (await import('../../scripts/local/seed')).demoForm({
          name: '张晓青',
          idNumber: (await import('../../scripts/local/seed')).demoIdNumber('330602', '1996-05-20', 1),
          phone: '13800001111',
          post: '工程师',
        }),
        'dev-youth-zhang',
      ),
    );
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: nomination.id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        UNIT_ADMIN,
      ),
    );
    dataOf(await h.call('nomination', 'withdraw', { nominationId: nomination.id }, 'dev-youth-zhang'));
    const [quota] = dataOf<Paged<QuotaView>>(
      await h.call('admin', 'quotas', { unitId: 'yuecheng-tech' }, UNIT_ADMIN),
    ).items;
    expect(quota.approved).toBe(0);
  });

  it('50 concurrent approvals against a quota of 5 approve exactly 5', async () => {
    const ids = await addNominations(h.deps, 'yuecheng-tech', 50);
    dataOf(await h.call('admin', 'setQuota', { unitId: 'yuecheng-tech', quota: 5, reason: '并发测试' }, CITY));
    const results = await Promise.all(
      ids.map((id) =>
        h.call(
          'nomination',
          'review',
          { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
          UNIT_ADMIN,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => codeOf(r) === 'QUOTA.EXCEEDED')).toBe(true);
    expect(await h.deps.store.collection('nominations').count({ unitId: 'yuecheng-tech', status: 'approved' })).toBe(5);
  });
});

describe('dashboards (R3.3, R3.4, R4.3)', () => {
  it('shows progress, uncovered must-cover units, two_new per district and the deadlines, scoped', async () => {
    const h = await makeHarness();
    const [gov] = await addNominations(h.deps, 'yuecheng-gov', 1, { seqStart: 100 });
    await makeAdmin(h, 'yc-gov-admin', 'unitAdmin', 'yuecheng-gov');
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: gov, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        'yc-gov-admin',
      ),
    );
    const [tech] = await addNominations(h.deps, 'yuecheng-tech', 1, { seqStart: 200 });
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: tech, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        UNIT_ADMIN,
      ),
    );

    const city = dataOf<DashboardView>(await h.call('admin', 'dashboard', {}, CITY));
    expect(city).toEqual(expect.objectContaining({ target: 1000, approved: 2, progressPercent: 0 }));
    // 6 city-level units + 6 districts × 4 must-cover units, minus 越城区人民政府办公室 now covered
    expect(city.uncovered).toHaveLength(6 + 24 - 1);
    expect(city.uncovered.map((u) => u.name)).not.toContain('越城区人民政府办公室');
    expect(city.uncoveredByCategory).toEqual({ party_gov: 2 + 12 - 1, soe: 2 + 12, central_soe: 2 });
    expect(city.twoNewByDistrict.find((d) => d.name === '越城区')?.count).toBe(1);
    expect(city.twoNewByDistrict.find((d) => d.name === '柯桥区')?.count).toBe(0);
    expect(city.deadlines).toEqual([
      { key: 'nomination', at: '2027-07-31T15:59:59.999Z', days: 249, hours: 13, passed: false },
      { key: 'filing', at: '2027-07-31T15:59:59.999Z', days: 249, hours: 13, passed: false },
    ]);

    const district = dataOf<DashboardView>(await h.call('admin', 'dashboard', {}, DISTRICT));
    expect(district.scope).toEqual({ level: 'district', orgId: 'yuecheng', name: '越城区' });
    expect(district.uncovered.map((u) => u.name)).toEqual([
      '越城区市场监督管理局',
      '越城区城市建设投资集团有限公司',
      '越城区农村商业银行',
    ]);
    expect(codeOf(await h.call('admin', 'dashboard', { districtId: 'keqiao' }, DISTRICT))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('admin', 'dashboard', {}, UNIT_ADMIN))).toBe('AUTH.FORBIDDEN');
  });
});

describe('rosters', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
    await addNominations(h.deps, 'yuecheng-tech', 25, { seqStart: 300 });
    await addNominations(h.deps, 'keqiao-gov', 5, { seqStart: 400, status: 'approved' });
  });

  it('pages 20 at a time with masked data, scoped to what the cadre may see', async () => {
    const first = dataOf<Paged<RosterItem>>(await h.call('admin', 'roster', {}, UNIT_ADMIN));
    expect(first).toEqual(expect.objectContaining({ total: 26, hasMore: true }));
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toEqual(
      expect.objectContaining({ unitName: '越城区智造科技有限公司', districtName: '越城区', category: 'two_new' }),
    );
    expect(first.items[0].idNumberMasked).toMatch(/^330602\*{8}\d{3}[\dX]$/);
    expect(first.items[0].phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const second = dataOf<Paged<RosterItem>>(await h.call('admin', 'roster', { page: 2 }, UNIT_ADMIN));
    expect(second.items).toHaveLength(6);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(26);
    expect(dataOf<Paged<RosterItem>>(await h.call('admin', 'roster', {}, DISTRICT)).total).toBe(26);
    expect(dataOf<Paged<RosterItem>>(await h.call('admin', 'roster', {}, CITY)).total).toBe(31);
    expect(codeOf(await h.call('admin', 'roster', { districtId: 'keqiao' }, DISTRICT))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('admin', 'roster', { unitId: 'keqiao-gov' }, UNIT_ADMIN))).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('filters by name, unit, category, status, political status and education', async () => {
    const q = (data: Record<string, unknown>) =>
      h.call('admin', 'roster', data, CITY).then((r) => dataOf<Paged<RosterItem>>(r).total);
    expect(await q({ category: 'party_gov' })).toBe(5);
    expect(await q({ status: 'approved' })).toBe(5);
    expect(await q({ unitId: 'yuecheng-tech', status: 'approved' })).toBe(0);
    expect(await q({ politicalStatus: 'league_member', education: 'bachelor' })).toBe(31);
    expect(await q({ politicalStatus: 'cpc_member' })).toBe(0);
    const all = dataOf<Paged<RosterItem>>(await h.call('admin', 'roster', { pageSize: 50 }, CITY)).items;
    const surname = all[0].name.slice(0, 1);
    expect(await q({ keyword: surname })).toBe(all.filter((i) => i.name.startsWith(surname)).length);
    expect(await q({ keyword: '.*' })).toBe(0);
  });

  it("one page's data stays far under WeChat's 64 KB setData budget", async () => {
    const page = dataOf<Paged<RosterItem>>(await h.call('admin', 'roster', {}, CITY));
    expect(Buffer.byteLength(JSON.stringify(page.items))).toBeLessThan(64 * 1024);
    expect(JSON.stringify(page)).not.toMatch(/Enc|idHash|deeds/);
  });
});

describe('filing (R4.4) and objections (R8)', () => {
  let h: Harness;
  let approved: string[];
  beforeEach(async () => {
    h = await makeHarness();
    await makeAdmin(h, 'yc-gov-admin', 'unitAdmin', 'yuecheng-gov');
    approved = await addNominations(h.deps, 'yuecheng-gov', 1, { seqStart: 500 });
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: approved[0], decision: 'approve', confirm: { onStaff: true, attestations: true } },
        'yc-gov-admin',
      ),
    );
  });
  const unitFiling = '2027:unit:yuecheng-gov';

  it('a unit files its list, which then locks until the district reopens it with a reason', async () => {
    const filed = dataOf<{ filing: FilingView }>(
      await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin'),
    );
    expect(filed.filing).toEqual(expect.objectContaining({ state: 'filed', approvedRows: 1 }));
    expect(codeOf(await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin'))).toBe(
      'FILING.ALREADY_FILED',
    );
    const [late] = await addNominations(h.deps, 'yuecheng-gov', 1, { seqStart: 501 });
    expect(
      codeOf(
        await h.call(
          'nomination',
          'review',
          { nominationId: late, decision: 'approve', confirm: { onStaff: true, attestations: true } },
          'yc-gov-admin',
        ),
      ),
    ).toBe('FILING.LOCKED');
    expect(codeOf(await h.call('admin', 'reopen', { filingId: unitFiling, reason: '补报' }, 'yc-gov-admin'))).toBe(
      'AUTH.FORBIDDEN',
    );
    const reopened = dataOf<{ filing: FilingView }>(
      await h.call('admin', 'reopen', { filingId: unitFiling, reason: '补报一名' }, DISTRICT),
    );
    expect(reopened.filing).toEqual(expect.objectContaining({ state: 'reopened', reopenReason: '补报一名' }));
    expect(
      codeOf(await h.call('admin', 'setQuota', { unitId: 'yuecheng-gov', quota: 2, reason: '补报' }, DISTRICT)),
    ).toBe('OK');
    expect(
      codeOf(
        await h.call(
          'nomination',
          'review',
          { nominationId: late, decision: 'approve', confirm: { onStaff: true, attestations: true } },
          'yc-gov-admin',
        ),
      ),
    ).toBe('OK');
  });

  it('districts file their other grassroots units separately; the city sees who has filed', async () => {
    expect(codeOf(await h.call('admin', 'file', { filingId: '2027:district:yuecheng' }, UNIT_ADMIN))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    dataOf(await h.call('admin', 'file', { filingId: '2027:district:yuecheng' }, DISTRICT));
    const list = dataOf<Paged<FilingView>>(await h.call('admin', 'filings', { pageSize: 50 }, CITY));
    expect(list.total).toBe(6 + 6 * 4 + 6); // city-level units, must-cover units per district, one grassroots filing per district
    expect(list.items.filter((f) => f.state === 'filed').map((f) => f.name)).toEqual(['越城区（其他基层领域）']);
    const late = dataOf<Paged<FilingView>>(await h.call('admin', 'filings', { state: 'open', pageSize: 50 }, DISTRICT));
    expect(late.items.map((f) => f.name)).toEqual([
      '越城区人民政府办公室',
      '越城区市场监督管理局',
      '越城区城市建设投资集团有限公司',
      '越城区农村商业银行',
    ]);
  });

  it('reminds the late with one tap, into the outbox', async () => {
    const { reminded } = dataOf<{ reminded: number }>(await h.call('admin', 'remindLate', {}, DISTRICT));
    // 越城区人民政府办公室's two admins (孙主任 of the demo and one made here), and the district for its grassroots filing.
    expect(reminded).toBe(3);
    const outbox = await h.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' });
    expect(outbox.map((o) => (o as unknown as { toOpenid: string }).toOpenid).sort()).toEqual([
      'dev-district-admin',
      'dev-unit-admin-gov',
      'yc-gov-admin',
    ]);
  });

  const hash = (c: string) => c.repeat(64);
  const photos = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ fileId: `local://page${i + 1}.jpg`, sha256: hash('abcdef'[i % 6]) }));

  it('the stamped photos keep files, hashes, pages and uploader; a row-count mismatch is flagged to the district', async () => {
    const scan = { filingId: unitFiling, kind: 'photos' as const, files: photos(2), pageCount: 2, confirmedRows: 2 };
    expect(codeOf(await h.call('admin', 'attachScan', scan, 'yc-gov-admin'))).toBe('FILING.NOT_FILED');
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin'));
    const res = dataOf<{ filing: FilingView }>(
      await h.call('admin', 'attachScan', scan, 'yc-gov-admin', 'req_scan00000001'),
    );
    expect(res.filing.rowMismatch).toBe(true);
    expect(res.filing.scan).toEqual({
      kind: 'photos',
      files: [
        { fileId: 'local://page1.jpg', sha256: hash('a') },
        { fileId: 'local://page2.jpg', sha256: hash('b') },
      ],
      pageCount: 2,
      confirmedRows: 2,
      uploadedByName: 'yc-gov-admin',
      at: expect.any(String),
    });
    expect(await h.deps.store.collection('outbox').count({ toOpenid: DISTRICT, title: '备案行数不一致' })).toBe(1);
    // The audit keeps the hashes and counts, no file ids and nothing about the youths.
    const audits = await h.deps.store.collection<AuditDoc>('audit').find({ requestId: 'req_scan00000001' });
    expect(audits).toEqual([
      expect.objectContaining({
        actor: 'yc-gov-admin',
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
    const nominee = await h.deps.store.collection<NominationDoc>('nominations').get(approved[0]);
    const text = JSON.stringify(audits);
    for (const value of ['local://', nominee!.name, nominee!.idNumberMasked, nominee!.phoneMasked])
      expect(text).not.toContain(value);
  });

  it('a PDF is one file with the page count as entered; a matching row count is not flagged', async () => {
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin'));
    const pdf = { fileId: 'cloud://env-1.bucket/scans/stamped.pdf', sha256: hash('c') };
    const scan = { filingId: unitFiling, kind: 'pdf' as const, files: [pdf], pageCount: 3, confirmedRows: 1 };
    const res = dataOf<{ filing: FilingView }>(await h.call('admin', 'attachScan', scan, 'yc-gov-admin'));
    expect(res.filing).toEqual(
      expect.objectContaining({
        rowMismatch: false,
        scan: expect.objectContaining({ kind: 'pdf', files: [pdf], pageCount: 3, confirmedRows: 1 }),
      }),
    );
    expect(await h.deps.store.collection('outbox').count({ title: '备案行数不一致' })).toBe(0);
    // A later upload replaces the earlier one; the filings list shows the same.
    const list = dataOf<Paged<FilingView>>(await h.call('admin', 'filings', {}, 'yc-gov-admin'));
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
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin'));
    const res = await h.callRaw(
      'admin',
      { action: 'attachScan', data: { filingId: unitFiling, confirmedRows: 1, ...shape } },
      'yc-gov-admin',
    );
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

  it('one person cannot flood a unit with objections: one open per youth, five a day', async () => {
    const more = await addNominations(h.deps, 'yuecheng-gov', 5, { seqStart: 600, status: 'approved' });
    const object = (nominationId: string) =>
      h.call('notice', 'object', { nominationId, content: '据了解该同志并非本单位在编人员，请核实。' }, 'citizen');
    expect(codeOf(await object(approved[0]))).toBe('OK');
    expect(codeOf(await object(approved[0]))).toBe('OBJECTION.DUPLICATE');
    for (const id of more.slice(0, 4)) expect(codeOf(await object(id))).toBe('OK');
    const before = await h.snapshot();
    expect(codeOf(await object(more[4]))).toBe('OBJECTION.LIMIT');
    expect(await h.snapshot()).toEqual(before);
    h.setNow(new Date(h.deps.clock().getTime() + 25 * 3_600_000));
    expect(codeOf(await object(more[4]))).toBe('OK');
  });

  it('the limits hold under concurrency: ten objections at once take exactly five daily slots', async () => {
    const more = await addNominations(h.deps, 'yuecheng-gov', 10, { seqStart: 700, status: 'approved' });
    const outcomes = await Promise.all(
      more.map(async (nominationId) =>
        codeOf(await h.call('notice', 'object', { nominationId, content: '请核实该同志的在编情况。' }, 'crowd')),
      ),
    );
    expect(outcomes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(outcomes.filter((c) => c === 'OBJECTION.LIMIT')).toHaveLength(5);
    expect(await h.deps.store.collection('objections').count({ filedBy: 'crowd' })).toBe(5);
  });

  it('a disposed objection frees its slot: the same person may object to the same youth again', async () => {
    const object = () =>
      h.call('notice', 'object', { nominationId: approved[0], content: '该同志并非本单位在编人员。' }, 'again');
    const first = dataOf<{ objectionId: string }>(await object());
    expect(codeOf(await object())).toBe('OBJECTION.DUPLICATE');
    const resolved = await h.call(
      'admin',
      'resolveObjection',
      { objectionId: first.objectionId, disposition: 'dismissed', note: '经核实为在编人员。' },
      'yc-gov-admin',
    );
    expect(codeOf(resolved)).toBe('OK');
    expect(codeOf(await object())).toBe('OK');
  });

  it('the public notice lists selected youths masked; an objection blocks filing until resolved', async () => {
    const notice = dataOf<Paged<{ nominationId: string; deeds: string | null }> & { periodName: string }>(
      await h.call('notice', 'list', {}, null),
    );
    expect(notice.items).toHaveLength(1);
    expect(JSON.stringify(notice)).not.toMatch(/\d{6}\*{8}|\d{3}\*{4}\d{4}|idNumber|phone/);
    expect(notice.items[0].deeds).toContain('数字化改造');
    expect(
      codeOf(
        await h.call(
          'notice',
          'object',
          { nominationId: approved[0], content: '该同志并非本单位在编人员，请核实。' },
          null,
        ),
      ),
    ).toBe('AUTH.UNAUTHENTICATED');
    const { objectionId } = dataOf<{ objectionId: string }>(
      await h.call(
        'notice',
        'object',
        { nominationId: approved[0], content: '该同志并非本单位在编人员，请核实。', contact: '13912345678' },
        'citizen',
      ),
    );
    // The objector's contact is a phone like any other: encrypted at rest.
    const stored = JSON.stringify(await h.deps.store.collection('objections').get(objectionId));
    expect(stored).not.toContain('13912345678');
    expect(await h.deps.store.collection('outbox').count({ toOpenid: 'yc-gov-admin', title: '收到公示异议' })).toBe(1);
    expect(await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin')).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'FILING.OBJECTIONS_PENDING', details: { open: 1 } }),
      }),
    );
    const resolved = dataOf<{ objection: ObjectionView }>(
      await h.call(
        'admin',
        'resolveObjection',
        { objectionId, disposition: 'upheld', note: '经核实非在编' },
        'yc-gov-admin',
      ),
    );
    expect(resolved.objection).toEqual(expect.objectContaining({ status: 'resolved', disposition: 'upheld' }));
    const youth = await h.deps.store.collection('nominations').get(approved[0]);
    expect(youth).toEqual(expect.objectContaining({ status: 'rejected' }));
    const [quota] = dataOf<Paged<QuotaView>>(
      await h.call('admin', 'quotas', { unitId: 'yuecheng-gov' }, 'yc-gov-admin'),
    ).items;
    expect(quota.approved).toBe(0);
    expect(
      codeOf(
        await h.call(
          'admin',
          'resolveObjection',
          { objectionId, disposition: 'dismissed', note: '重复' },
          'yc-gov-admin',
        ),
      ),
    ).toBe('OBJECTION.RESOLVED');
    expect(codeOf(await h.call('admin', 'file', { filingId: unitFiling }, 'yc-gov-admin'))).toBe('OK');
  });
});
