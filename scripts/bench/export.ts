/**
 * The summary-table export with 1,000 approved youths across the city's
 * units: Word and Excel rendering alone, and the whole `export.summaryTable`
 * call (query, decrypt, sort, render, write the file, audit), each against a
 * baseline measured in the same run: reading, decrypting and mapping the same
 * 1,000 rows without rendering. Budget: a 1,000-row export under 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { C, type NominationDoc, type OrgDoc } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { recordFields } from '../../cloudfunctions/nomination/src/record';
import { router } from '../../cloudfunctions/export/src/router';
import { checkEligibility } from '../../miniprogram/core/eligibility';
import type { Degree, Education, PoliticalStatus } from '../../miniprogram/core/profile';
import { summaryExport, type SummaryEntry, type SummaryExport } from '../../miniprogram/core/summary-table';
import { createLocalDeps } from '../local/deps';
import { demoForm, demoIdNumber, demoPeriod, seedDemo } from '../local/seed';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

const ROWS = 1000;
const RUNS = 5;
const BUDGET_MS = 2000;
const NOW = new Date('2026-11-24T10:00:00+08:00');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
const PROFILES: Array<[Education, Degree, PoliticalStatus, string, string]> = [
  ['bachelor', 'bachelor', 'league_member', '', '工程师'],
  ['master', 'master', 'cpc_member', '综合科科长', '高级工程师'],
  ['associate', 'none', 'masses', '', ''],
  ['doctorate', 'doctor', 'cpc_probationary', '研发中心副主任', '正高级工程师'],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** 1,000 approved records spread over every unit, written through the same record builder as the actions. */
async function seedApproved(deps: ServerDeps): Promise<void> {
  const period = demoPeriod(NOW);
  const units = await deps.store.collection<OrgDoc>(C.orgs).find({ level: 'unit' }, { sort: { _id: 1 } });
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  for (let i = 0; i < ROWS; i++) {
    const [education, degree, politicalStatus, duty, title] = PROFILES[i % PROFILES.length];
    const birth = `199${3 + (i % 7)}-0${1 + (i % 9)}-1${i % 10}`;
    const form = {
      ...demoForm({
        name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length],
        idNumber: demoIdNumber('330602', birth, i),
        phone: `139${String(i).padStart(8, '0')}`,
        post: '技术岗位',
      }),
      education,
      degree,
      politicalStatus,
      duty,
      title,
    };
    const eligible = checkEligibility(form, period, NOW);
    if (!eligible.ok) throw new Error(`bench row ${i} ineligible`);
    const fields = recordFields(deps, {
      form,
      eligible: eligible.value,
      unit: units[i % units.length],
      channel: 'unit',
      youthOpenid: null,
      createdBy: 'bench',
      now: NOW,
    });
    await nominations.insert({
      _id: `bench-${i}`,
      periodId: period._id,
      ...fields,
      status: 'approved',
      createdAt: NOW,
      history: [],
    });
  }
}

/** The baseline: the rows read, decrypted and mapped to the city's tables (one per unit), nothing rendered. */
async function decryptAndMap(deps: ServerDeps): Promise<SummaryExport> {
  const docs = await deps.store.collection<NominationDoc>(C.nominations).find({ status: 'approved' });
  const orgs = new Map((await deps.store.collection<OrgDoc>(C.orgs).find({})).map((o) => [o._id, o]));
  const entries: SummaryEntry[] = docs.map((d) => ({
    unit: {
      id: d.unitId,
      name: orgs.get(d.unitId)?.name ?? '',
      districtOrder: d.districtId ? (orgs.get(d.districtId)?.order ?? null) : null,
    },
    record: { ...d, idNumber: deps.crypto.decrypt(d.idNumberEnc), phone: deps.crypto.decrypt(d.phoneEnc) },
  }));
  return summaryExport('city', '绍兴市', entries);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Median of RUNS after one warm-up run, whose time (module load included) is returned as `first`. */
async function sample<T>(fn: () => Promise<T>): Promise<{ first: number; median: number; value: T }> {
  const first = await timed(fn);
  const rest: number[] = [];
  for (let i = 0; i < RUNS; i++) rest.push((await timed(fn)).ms);
  return { first: first.ms, median: median(rest), value: first.value };
}

export async function benchExport(): Promise<Figure[]> {
  const filesDir = mkdtempSync(join(tmpdir(), 'hqn-bench-export-'));
  const deps = createLocalDeps({ clock: () => NOW, log: silentLogger, filesDir });
  try {
    await seedDemo(deps, NOW);
    await seedApproved(deps);
    const call = (format: 'docx' | 'xlsx') => async () => {
      const res = await router.handle(
        { action: 'summaryTable', data: { scope: 'city', orgId: 'city', format } },
        { openid: 'dev-city-admin' },
        deps,
      );
      if (!res.ok) throw new Error(`export failed: ${res.error.code}`);
      return (res.data as { rows: number }).rows;
    };
    // The whole calls first, so their first run pays the lazy load of docx / exceljs as a warm container would.
    const fullDocx = await sample(call('docx'));
    const fullXlsx = await sample(call('xlsx'));
    const baseline = await sample(() => decryptAndMap(deps));
    const file = baseline.value;
    if (file.all?.rows.length !== ROWS || fullDocx.value !== ROWS) throw new Error('unexpected row count');
    const { renderDocx } = await import('../../cloudfunctions/export/src/docx');
    const { renderXlsx } = await import('../../cloudfunctions/export/src/xlsx');
    const docx = await sample(() => renderDocx(file));
    const xlsx = await sample(() => renderXlsx(file));
    const worst = Math.max(fullDocx.median, fullXlsx.median);
    const b = baseline.median;
    const label = `${ROWS} rows`;
    return [
      { name: `baseline: read + decrypt + map ${label} (median of ${RUNS})`, value: b, unit: 'ms' },
      { name: `render Word (.docx) ${label} (median of ${RUNS})`, value: docx.median, unit: 'ms' },
      { name: `render Excel (.xlsx) ${label} (median of ${RUNS})`, value: xlsx.median, unit: 'ms' },
      { name: `export.summaryTable city docx, whole call (median of ${RUNS})`, value: fullDocx.median, unit: 'ms' },
      { name: `export.summaryTable city xlsx, whole call (median of ${RUNS})`, value: fullXlsx.median, unit: 'ms' },
      { name: 'export.summaryTable docx / baseline', value: fullDocx.median / b, unit: '×' },
      { name: 'export.summaryTable xlsx / baseline', value: fullXlsx.median / b, unit: '×' },
      { name: 'first docx call in this process (includes loading docx)', value: fullDocx.first, unit: 'ms' },
      { name: 'first xlsx call in this process (includes loading exceljs)', value: fullXlsx.first, unit: 'ms' },
      { name: `Word file size, ${label}`, value: (await renderDocx(file)).length / 1024, unit: 'KiB' },
      { name: `Excel file size, ${label}`, value: (await renderXlsx(file)).length / 1024, unit: 'KiB' },
      { name: `slowest whole call / ${BUDGET_MS} ms budget (< 1 is within)`, value: worst / BUDGET_MS, unit: '×' },
    ];
  } finally {
    await deps.store.close();
    rmSync(filesDir, { recursive: true, force: true });
  }
}
