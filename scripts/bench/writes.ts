/**
 * What the transaction costs a write action: an approval through the router
 * (idempotency marker, transaction with quota counter, nomination, audit and
 * outbox, marker completion) against the same four document writes issued
 * one by one without a transaction or a marker, on the embedded store in
 * memory and on disk (fsync per acknowledged write, a commit record per
 * transaction). Returns figures; `scripts/bench.ts` prints them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { C, type NominationDoc, type QuotaDoc } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { addNominations } from '../../test/support/nominees';
import { createLocalDeps } from '../local/deps';
import { FUNCTIONS } from '../local/functions';
import { seedDemo } from '../local/seed';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

const RUNS = 200;
const NOW = new Date('2026-11-24T10:00:00+08:00');
const QUOTA = '2027:yuecheng-tech';
const ROOM = 10 * RUNS;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function world(dataDir?: string): Promise<{ deps: ServerDeps; ids: string[] }> {
  const deps = createLocalDeps({ clock: () => NOW, log: silentLogger, dataDir });
  await seedDemo(deps, NOW);
  const ids = await addNominations(deps, 'yuecheng-tech', 2 * RUNS, { now: NOW });
  // Room for every approval (beyond what a district may set: this measures writes, not the quota rule).
  await FUNCTIONS.admin.handle(
    { action: 'setQuota', data: { unitId: 'yuecheng-tech', quota: 1, reason: '基准测试' } },
    { openid: 'dev-city-admin' },
    deps,
  );
  await deps.store.collection<QuotaDoc>(C.quotas).updateOne({ _id: QUOTA }, { $set: { limit: ROOM } });
  return { deps, ids };
}

async function viaRouter(deps: ServerDeps, ids: string[]): Promise<number> {
  const samples: number[] = [];
  for (const [i, id] of ids.entries()) {
    const started = performance.now();
    const res = await FUNCTIONS.nomination.handle(
      {
        action: 'review',
        data: { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        requestId: `req_bench_${String(i).padStart(6, '0')}`,
      },
      { openid: 'dev-unit-admin' },
      deps,
    );
    samples.push(performance.now() - started);
    if (!res.ok) throw new Error(`approval failed: ${res.error.code}`);
  }
  return median(samples);
}

/** The same documents written one at a time, as the code did before transactions. */
async function bare(deps: ServerDeps, ids: string[]): Promise<number> {
  const samples: number[] = [];
  const quotas = deps.store.collection<QuotaDoc>(C.quotas);
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  for (const [i, id] of ids.entries()) {
    const started = performance.now();
    await nominations.get(id);
    await quotas.updateOne({ _id: QUOTA, used: { $lt: ROOM } }, { $inc: { used: 1 } });
    await nominations.updateOne({ _id: id, status: 'submitted' }, { $set: { status: 'approved', updatedAt: NOW } });
    await deps.store.collection(C.audit).insert({ _id: `bench-audit-${i}` } as never);
    await deps.store.collection(C.outbox).insert({ _id: `bench-outbox-${i}` } as never);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function pair(label: string, dataDir?: string): Promise<Figure[]> {
  const { deps, ids } = await world(dataDir);
  try {
    const plain = await bare(deps, ids.slice(0, RUNS));
    const routed = await viaRouter(deps, ids.slice(RUNS));
    return [
      { name: `${label}: four writes one by one, no transaction (median of ${RUNS})`, value: plain, unit: 'ms' },
      {
        name: `${label}: approval through the router, in one transaction (median of ${RUNS})`,
        value: routed,
        unit: 'ms',
      },
      { name: `${label}: transactional approval / bare writes`, value: routed / plain, unit: '×' },
    ];
  } finally {
    await deps.store.close();
  }
}

export async function benchWrites(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hqn-bench-writes-'));
  try {
    return [...(await pair('in memory')), ...(await pair('on disk (fsync)', dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
