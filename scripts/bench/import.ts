/**
 * The Excel import (issue 14): a 5,000-row organisation workbook (half the units already in the tree, a quarter
 * of those with a new head-count) uploaded by the city and previewed through the registry router — read with
 * exceljs, every row validated, planned against the tree, quota effects computed. Budget: ≤ 3 s. Baseline in
 * the same run: reading the same workbook with exceljs alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { C, type OrgDoc } from '../../cloudfunctions/_lib/collections';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { uploadPrefix } from '../../cloudfunctions/_lib/uploads';
import { router } from '../../cloudfunctions/registry/src/router';
import { readSheet, renderRows } from '../../cloudfunctions/registry/src/workbook';
import { CATEGORY_LABELS, UNIT_CATEGORIES } from '../../miniprogram/core/org';
import { IMPORT_COLUMNS } from '../../miniprogram/core/registry-import';
import { createLocalDeps } from '../local/deps';
import { DISTRICTS, seedDemo } from '../local/seed';

const ROWS = 5000;
const RUNS = 3;
const BUDGET_MS = 3000;
const NOW = new Date('2026-11-24T10:00:00+08:00');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sample(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchImport(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const filesDir = mkdtempSync(join(tmpdir(), 'hqn-bench-import-'));
  const deps = createLocalDeps({ clock: () => NOW, log: silentLogger, filesDir });
  try {
    await seedDemo(deps, NOW);
    const orgs = deps.store.collection<OrgDoc>(C.orgs);
    const rows: string[][] = [];
    for (let i = 0; i < ROWS; i++) {
      const d = DISTRICTS[i % DISTRICTS.length];
      const category = UNIT_CATEGORIES[i % UNIT_CATEGORIES.length];
      const name = `${d.name}导入单位${i}`;
      if (i % 2 === 0)
        await orgs.insert({
          _id: `bench-${i}`,
          name,
          level: 'unit',
          parentId: d.id,
          districtId: d.id,
          category,
          youthCount: 40,
        });
      rows.push([name, CATEGORY_LABELS[category], '区县单位', d.name, '', String(i % 8 === 0 ? 60 : 40)]);
    }
    const bytes = await renderRows('orgs', rows);
    const { fileId } = await deps.files.put(`${uploadPrefix(deps, 'dev-city-admin')}/bench.xlsx`, bytes, '');
    const preview = async () => {
      const res = await router.handle(
        { action: 'previewImport', data: { kind: 'orgs', fileId } },
        { openid: 'dev-city-admin' },
        deps,
      );
      if (!res.ok) throw new Error(`preview failed: ${res.error.code}`);
      const counts = (res.data as { counts: { new: number; changed: number }; errors: unknown[] }).counts;
      if (counts.new !== ROWS / 2) throw new Error(`unexpected plan ${JSON.stringify(res.data)}`);
    };
    const read = async () => {
      if (!(await readSheet(bytes, IMPORT_COLUMNS.orgs.length))) throw new Error('unreadable');
    };
    await preview(); // warm: the first call pays the lazy load of exceljs, as a warm container would have
    const whole = await sample(preview);
    const baseline = await sample(read);
    return [
      { name: `workbook of ${ROWS} rows read by exceljs alone (baseline), median`, value: baseline, unit: 'ms' },
      {
        name: `registry.previewImport, ${ROWS} rows: read, validate, plan, quota effects, median`,
        value: whole,
        unit: 'ms',
      },
      { name: 'preview / read alone', value: whole / baseline, unit: '×' },
      { name: `preview against the ${BUDGET_MS} ms budget`, value: whole / BUDGET_MS, unit: '×' },
    ];
  } finally {
    rmSync(filesDir, { recursive: true, force: true });
  }
}
