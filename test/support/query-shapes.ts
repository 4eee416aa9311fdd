/**
 * Records the shape of every query the functions send while the suite runs
 * (values replaced by their kind, so nothing personal is written), one JSON
 * line per new shape in .test-logs/. `scripts/check-indexes.ts` then checks
 * each against the collection registry's indexes (scripts/query-index.ts).
 */
import type { Collection, Doc, Filter, FindOptions, Store } from '../../cloudfunctions/_lib/store/port';
import type { QueryShape } from '../../scripts/query-index';
import { LOG_DIR } from './log-capture';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const seen = new Set<string>();
const file = join(LOG_DIR, `queries-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.jsonl`);

function kind(value: unknown): unknown {
  if (value instanceof RegExp) return value.source.startsWith('^') ? 'regex:anchored' : 'regex:unanchored';
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return value.map(kind).slice(0, 1);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$regex') out[k] = typeof v === 'string' && v.startsWith('^') ? 'regex:anchored' : kind(v);
      else out[k] = k === '$and' || k === '$or' ? (v as unknown[]).map(kind) : kind(v);
    }
    return out;
  }
  return typeof value;
}

export function shapeOf(collection: string, op: string, filter: Filter, options: FindOptions = {}): QueryShape {
  const shape: QueryShape = { collection, op, filter: kind(filter) as Record<string, unknown> };
  if (options.sort) shape.sort = Object.keys(options.sort);
  return shape;
}

function record(shape: QueryShape): void {
  const line = JSON.stringify(shape);
  if (seen.has(line)) return;
  seen.add(line);
  mkdirSync(LOG_DIR, { recursive: true });
  appendFileSync(file, `${line}\n`);
}

/** `store` with every filtered operation recorded (writes by `_id` included: they are shapes too). */
export function recordingStore(store: Store): Store {
  const wrap = <T extends Doc>(name: string, c: Collection<T>): Collection<T> => ({
    find: (filter, options) => (record(shapeOf(name, 'find', filter, options)), c.find(filter, options)),
    findOne: (filter) => (record(shapeOf(name, 'findOne', filter)), c.findOne(filter)),
    get: (id) => c.get(id),
    count: (filter) => (record(shapeOf(name, 'count', filter)), c.count(filter)),
    insert: (doc) => c.insert(doc),
    updateOne: (filter, update) => (record(shapeOf(name, 'updateOne', filter)), c.updateOne(filter, update)),
    updateMany: (filter, update) => (record(shapeOf(name, 'updateMany', filter)), c.updateMany(filter, update)),
    deleteOne: (filter) => (record(shapeOf(name, 'deleteOne', filter)), c.deleteOne(filter)),
    aggregate: (pipeline) => {
      const match = pipeline[0]?.$match;
      record(shapeOf(name, 'aggregate', (match as Filter | undefined) ?? {}));
      return c.aggregate(pipeline);
    },
  });
  return {
    collection: <T extends Doc>(name: string) => wrap(name, store.collection<T>(name)),
    withTransaction: (fn) => store.withTransaction((tx) => fn(recordingStore(tx))),
    compact: () => store.compact(),
    close: () => store.close(),
  };
}
