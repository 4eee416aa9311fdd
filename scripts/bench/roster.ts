/**
 * Cadres' rosters and dashboards at the scale of a full period: 100,000
 * youths in 2,000 units, through the real `admin` router and the embedded
 * store. Each query runs against the indexed store and, as the baseline in
 * the same run, against the same data with no secondary indexes (full scans).
 * Budget (issue 4): a roster page and a dashboard under 20 ms at p95.
 */
import { DEV_TEMPLATE_IDS, noSender } from '../../cloudfunctions/_lib/wechat';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { router as admin } from '../../cloudfunctions/admin/src/router';
import {
  C,
  INDEXES,
  type AccountDoc,
  type NominationDoc,
  type OrgDoc,
  type QuotaDoc,
} from '../../cloudfunctions/_lib/collections';
import { createPersonalDataCrypto } from '../../cloudfunctions/_lib/crypto';
import { createLocalFileStore } from '../../cloudfunctions/_lib/files';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { randomId } from '../../cloudfunctions/_lib/ids';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { createEmbeddedStore } from '../../cloudfunctions/_lib/store/embedded';
import { maskIdNumber, maskPhone } from '../../miniprogram/core/id-number';
import { UNIT_CATEGORIES, type Role } from '../../miniprogram/core/org';
import { EDUCATIONS, POLITICAL_STATUSES } from '../../miniprogram/core/profile';
import { CITY_ORG_ID, TEST_KEYS } from '../local/deps';
import { demoIdNumber, demoPeriod, DISTRICTS } from '../local/seed';

const YOUTHS = 100_000;
const UNITS = 2_000;
const RUNS = 40;
const NOW = new Date('2026-11-24T10:00:00+08:00');
const STATUSES = ['submitted', 'approved', 'returned', 'rejected'] as const;

interface Figure {
  name: string;
  value: number;
  unit: string;
}

function deps(indexed: boolean): ServerDeps {
  return {
    store: createEmbeddedStore({ indexes: indexed ? INDEXES : {} }),
    files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'hqn-bench-files-'))),
    crypto: createPersonalDataCrypto(TEST_KEYS),
    log: silentLogger,
    clock: () => NOW,
    randomId,
    bootstrapCityAdmins: [],
    cityOrgId: CITY_ORG_ID,
    templates: DEV_TEMPLATE_IDS,
    wechat: noSender,
  };
}

function units(): OrgDoc[] {
  return Array.from({ length: UNITS }, (_, i) => {
    const district = DISTRICTS[i % DISTRICTS.length];
    return {
      _id: `u${i}`,
      name: `${district.name}第${i}单位`,
      level: 'unit',
      parentId: district.id,
      districtId: district.id,
      category: UNIT_CATEGORIES[i % UNIT_CATEGORIES.length],
      youthCount: 20 + (i % 200),
    };
  });
}

/** Realistic records: encrypted ID number and phone, masked copies, every roster field. */
function youth(i: number, unit: OrgDoc, crypto: ServerDeps['crypto']): NominationDoc {
  const birth = `${1993 + (i % 10)}-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`;
  const id = demoIdNumber(`3306${String(i % 100).padStart(2, '0')}`, birth, i % 1000);
  const phone = `139${String(i).padStart(8, '0')}`;
  const status = STATUSES[i % STATUSES.length];
  return {
    _id: `2027:h${i}`,
    periodId: '2027',
    channel: 'self',
    status,
    youthOpenid: `o${i}`,
    unitId: unit._id,
    category: unit.category ?? 'other_grassroots',
    districtId: unit.districtId,
    name: `${'王李张刘陈杨黄赵吴周'[i % 10]}${'晓明华青伟芳娜静磊洋'[Math.floor(i / 10) % 10]}${'勇艳杰军敏强丽涛斌宇'[Math.floor(i / 100) % 10]}`,
    idHash: `h${i}`,
    idNumberEnc: crypto.encrypt(id),
    idNumberMasked: maskIdNumber(id),
    phoneEnc: crypto.encrypt(phone),
    phoneMasked: maskPhone(phone),
    birthDate: birth,
    sex: i % 2 ? 'male' : 'female',
    education: EDUCATIONS[i % EDUCATIONS.length],
    degree: 'none',
    politicalStatus: POLITICAL_STATUSES[i % POLITICAL_STATUSES.length],
    duty: '',
    post: '技术员',
    title: '',
    skillLevel: '',
    onStaff: true,
    attestations: { political: true, moral: true, contribution: true },
    deeds: '在本职岗位上业绩突出。'.repeat(8),
    photoFileId: null,
    showcaseConsent: i % 3 === 0,
    claimCodeHash: null,
    createdBy: `o${i}`,
    submittedAt: NOW,
    withdrawnAt: null,
    eraseAfter: null,
    createdAt: NOW,
    updatedAt: NOW,
    history: [{ at: NOW, action: 'submit', actor: `o${i}`, actorName: '青年', comment: null }],
  };
}

async function populate(d: ServerDeps, unitDocs: OrgDoc[], records: NominationDoc[]): Promise<void> {
  const orgs = d.store.collection<OrgDoc>(C.orgs);
  await orgs.insert({ _id: CITY_ORG_ID, name: '绍兴市', level: 'city', parentId: null, districtId: null });
  for (const [order, dist] of DISTRICTS.entries()) {
    await orgs.insert({
      _id: dist.id,
      name: dist.name,
      level: 'district',
      parentId: CITY_ORG_ID,
      districtId: dist.id,
      order,
    });
  }
  for (const u of unitDocs) await orgs.insert(u);
  await d.store.collection(C.periods).insert(demoPeriod(NOW));
  const accounts = d.store.collection<AccountDoc>(C.accounts);
  const grant = (openid: string, role: Role, orgId: string) =>
    accounts.insert({ _id: openid, displayName: openid, grants: [{ role, orgId }], createdAt: NOW, updatedAt: NOW });
  await grant('city', 'cityAdmin', CITY_ORG_ID);
  await grant('district', 'districtAdmin', 'keqiao');
  await grant('unit', 'unitAdmin', 'u7');
  const nominations = d.store.collection<NominationDoc>(C.nominations);
  for (const r of records) await nominations.insert(r);
  const approved = new Map<string, number>();
  for (const r of records) if (r.status === 'approved') approved.set(r.unitId, (approved.get(r.unitId) ?? 0) + 1);
  const quotas = d.store.collection<QuotaDoc>(C.quotas);
  for (const u of unitDocs) {
    const used = approved.get(u._id) ?? 0;
    await quotas.insert({
      _id: `2027:${u._id}`,
      periodId: '2027',
      unitId: u._id,
      districtId: u.districtId,
      category: u.category ?? 'other_grassroots',
      suggested: used,
      override: null,
      overrideReason: null,
      limit: used,
      used,
      updatedAt: NOW,
    });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(
  d: ServerDeps,
  openid: string,
  action: string,
  data: Record<string, unknown>,
): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i += 1) {
    const t = performance.now();
    const res = await admin.handle({ action, data }, { openid }, d);
    const ms = performance.now() - t;
    if (!res.ok) throw new Error(`${action} failed: ${res.error.code}`);
    if (i >= 3) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const QUERIES: Array<[string, string, string, Record<string, unknown>]> = [
  ['roster, city, page 1', 'city', 'roster', {}],
  [
    'roster, city, approved 党员, page 3',
    'city',
    'roster',
    { status: 'approved', politicalStatus: 'cpc_member', page: 3 },
  ],
  ['roster, district, two_new, page 2', 'district', 'roster', { category: 'two_new', page: 2 }],
  ['roster, unit, page 1', 'unit', 'roster', {}],
  ['roster, city, name search "王晓"', 'city', 'roster', { keyword: '王晓' }],
  ['dashboard, city', 'city', 'dashboard', {}],
  ['dashboard, district', 'district', 'dashboard', {}],
];

export async function benchRoster(): Promise<Figure[]> {
  const unitDocs = units();
  const indexed = deps(true);
  const plain = deps(false);
  const records = Array.from({ length: YOUTHS }, (_, i) => youth(i, unitDocs[i % UNITS], indexed.crypto));
  await populate(indexed, unitDocs, records);
  await populate(plain, unitDocs, records);
  const figures: Figure[] = [];
  for (const [label, openid, action, data] of QUERIES) {
    const fast = await time(indexed, openid, action, data);
    const scan = await time(plain, openid, action, data);
    figures.push(
      { name: `${label}: indexed p50`, value: fast.p50, unit: 'ms' },
      { name: `${label}: indexed p95 (budget 20 ms)`, value: fast.p95, unit: 'ms' },
      { name: `${label}: full-scan baseline p95`, value: scan.p95, unit: 'ms' },
      { name: `${label}: full scan / indexed (p95)`, value: scan.p95 / fast.p95, unit: '×' },
    );
  }
  const page = await admin.handle({ action: 'roster', data: {} }, { openid: 'city' }, indexed);
  if (page.ok)
    figures.push({
      name: 'roster page payload (setData budget 64 KB)',
      value: Buffer.byteLength(JSON.stringify(page.data)) / 1024,
      unit: 'KB',
    });
  return figures;
}
