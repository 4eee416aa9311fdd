/**
 * Embedded store with 100,000 youth documents: a roster-style query and a
 * by-unit query, each run with secondary indexes and as a full scan over the
 * same data. Returns figures; `scripts/bench.ts` prints them.
 */
import { performance } from 'node:perf_hooks';
import { NOMINATION_STATUSES } from '../../miniprogram/core/nomination';
import { createEmbeddedStore } from '../../cloudfunctions/_lib/store/embedded';
import type { Doc, Filter, FindOptions, Store } from '../../cloudfunctions/_lib/store/port';

interface YouthDoc extends Doc {
  name: string;
  idHash: string;
  birthDate: string;
  unitId: string;
  districtId: string;
  status: string;
  politicalStatus: string;
  education: string;
  createdAt: Date;
}

interface Figure {
  name: string;
  value: number;
  unit: string;
}

const DOCS = 100_000;
const RUNS = 30;
const WARMUP = 3;
const POLITICAL = ['团员', '党员', '群众', '预备党员'];
const EDUCATION = ['高中', '大专', '本科', '硕士', '博士'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

/** mulberry32: small, fast, deterministic, so every run queries identical data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function youths(): YouthDoc[] {
  const rand = prng(20260101);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
  const hex = (len: number): string => Array.from({ length: len }, () => Math.floor(rand() * 16).toString(16)).join('');
  const t0 = Date.UTC(2026, 0, 1);
  const docs: YouthDoc[] = [];
  for (let i = 0; i < DOCS; i++) {
    const birth = new Date(Date.UTC(1991, 0, 1) + Math.floor(rand() * 17 * 365) * 86_400_000);
    docs.push({
      _id: `y${i.toString(36).padStart(6, '0')}`,
      name: pick<string>(SURNAMES) + pick<string>(GIVEN) + (rand() < 0.5 ? pick<string>(GIVEN) : ''),
      idHash: hex(26),
      birthDate: birth.toISOString().slice(0, 10),
      unitId: `u${Math.floor(rand() * 2000)}`,
      districtId: `d${Math.floor(rand() * 6)}`,
      status: pick(NOMINATION_STATUSES),
      politicalStatus: pick(POLITICAL),
      education: pick(EDUCATION),
      createdAt: new Date(t0 + Math.floor(rand() * 300 * 86_400_000)),
    });
  }
  return docs;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(store: Store, filter: Filter, options: FindOptions): Promise<{ samples: number[]; ids: string[] }> {
  const youth = store.collection<YouthDoc>('youth');
  let ids: string[] = [];
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    const found = await youth.find(filter, options);
    const ms = performance.now() - start;
    if (i >= WARMUP) samples.push(ms);
    ids = found.map((d) => d._id);
  }
  return { samples, ids };
}

export async function benchStore(): Promise<Figure[]> {
  const docs = youths();
  const indexed = createEmbeddedStore({ indexes: { youth: ['unitId', 'districtId', 'status'] } });
  const plain = createEmbeddedStore();
  const loadStart = performance.now();
  for (const doc of docs) await indexed.collection<YouthDoc>('youth').insert(doc);
  const loadMs = performance.now() - loadStart;
  for (const doc of docs) await plain.collection<YouthDoc>('youth').insert(doc);

  const queries: Array<{ label: string; filter: Filter; options: FindOptions }> = [
    {
      label: 'roster (district + status $in, createdAt desc, skip 200, limit 20)',
      filter: { districtId: 'd3', status: { $in: ['submitted', 'approved'] } },
      options: { sort: { createdAt: -1 }, skip: 200, limit: 20 },
    },
    { label: 'by unit ({unitId: u42}, ~50 matches)', filter: { unitId: 'u42' }, options: {} },
  ];

  const figures: Figure[] = [
    { name: 'insert 100,000 docs one by one (indexed, in memory)', value: loadMs, unit: 'ms' },
  ];
  for (const q of queries) {
    const withIndex = await time(indexed, q.filter, q.options);
    const scan = await time(plain, q.filter, q.options);
    if (withIndex.ids.join() !== scan.ids.join()) throw new Error(`index and scan disagree on ${q.label}`);
    const p50i = percentile(withIndex.samples, 50);
    const p50s = percentile(scan.samples, 50);
    figures.push(
      { name: `${q.label}: indexed p50`, value: p50i, unit: 'ms' },
      { name: `${q.label}: indexed p95`, value: percentile(withIndex.samples, 95), unit: 'ms' },
      { name: `${q.label}: full scan p50`, value: p50s, unit: 'ms' },
      { name: `${q.label}: full scan p95`, value: percentile(scan.samples, 95), unit: 'ms' },
      { name: `${q.label}: full scan / indexed (p50)`, value: p50s / p50i, unit: '×' },
    );
  }
  // The quota primitive: a conditional single-document update by _id (the Map lookup, no scan).
  const youth = indexed.collection<YouthDoc>('youth');
  const writes: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    await youth.updateOne({ _id: docs[i * 997]._id, status: { $ne: 'withdrawn' } }, { $set: { education: '本科' } });
    if (i >= WARMUP) writes.push(performance.now() - start);
  }
  figures.push({ name: 'conditional updateOne by _id (in memory) p50', value: percentile(writes, 50), unit: 'ms' });

  await indexed.close();
  await plain.close();
  return figures;
}
