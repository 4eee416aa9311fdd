/**
 * After `jest`: every query shape the functions sent during the suite
 * (.test-logs/queries-*.jsonl, recorded by test/support/query-shapes.ts) must
 * be served by an index the collection registry declares, or be listed in
 * `MAY_SCAN` with its reason. Fails `npm test` otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexFor, unindexed, type QueryShape } from './query-index';

const DIR = join(__dirname, '..', '.test-logs');

export function recordedShapes(dir = DIR): QueryShape[] {
  if (!existsSync(dir)) return [];
  const lines = new Set<string>();
  for (const f of readdirSync(dir).filter((name) => /^queries-.*\.jsonl$/.test(name))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) lines.add(line);
  }
  return [...lines].map((l) => JSON.parse(l) as QueryShape);
}

function main(): void {
  const shapes = recordedShapes();
  if (shapes.length === 0) {
    console.error('check-indexes: no recorded query shapes (.test-logs/queries-*.jsonl) — did jest run?');
    process.exit(1);
  }
  const missing = unindexed(shapes);
  const served = shapes.length - missing.length;
  if (missing.length) {
    console.error(`check-indexes: ${missing.length} query shape(s) no declared index serves:`);
    for (const s of missing)
      console.error(
        `  ${s.collection}.${s.op} ${JSON.stringify(s.filter)}${s.sort ? ` sort ${s.sort.join(',')}` : ''}`,
      );
    console.error(
      'Declare an index in cloudfunctions/_lib/collections/ (then npm run gen), or list it in MAY_SCAN with why.',
    );
    process.exit(1);
  }
  const byIndex = new Map<string, number>();
  for (const s of shapes)
    byIndex.set(
      `${s.collection}:${indexFor(s) ?? 'may scan'}`,
      (byIndex.get(`${s.collection}:${indexFor(s) ?? 'may scan'}`) ?? 0) + 1,
    );
  console.log(
    `check-indexes: ${served} query shapes, each served by a declared index (${byIndex.size} indexes in use)`,
  );
}

if (require.main === module) main();
