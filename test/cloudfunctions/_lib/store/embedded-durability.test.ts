/**
 * What the embedded store promises beyond the port contract: acknowledged
 * writes survive a SIGKILL, a torn last log line is shrugged off, corruption
 * elsewhere is refused, transactions are all-or-nothing on disk too, logs are
 * compacted, and secondary indexes never change a query's result.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { find as mingoFind } from 'mingo';
import { createEmbeddedStore } from '../../../../cloudfunctions/_lib/store/embedded';
import type { Doc, Filter, Store } from '../../../../cloudfunctions/_lib/store/port';

const ROOT = join(__dirname, '../../../..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-durability-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Item extends Doc {
  n: number;
  group: string;
  at: Date;
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('crash safety', () => {
  test('every write acknowledged before a SIGKILL is there after reopening', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/store-writer-child.ts'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let lastCounter = 0;
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': it fires only after every ack still in the pipe has been read.
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        const counter = /^ack counter (\d+)$/.exec(line);
        if (counter) lastCounter = Number(counter[1]);
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
      if (acked.length >= 400) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toBe('');
    expect(acked.length).toBeGreaterThanOrEqual(400);

    const store = createEmbeddedStore({ dir, indexes: { items: ['group'] } });
    try {
      const items = store.collection<Item>('items');
      const present = new Set((await items.find({}, { projection: { _id: 1 } })).map((d) => d._id));
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
      // It may hold a few more than were acknowledged (written, killed before printing), never fewer.
      expect(present.size).toBeGreaterThanOrEqual(acked.length);
      expect(present.size).toBeLessThanOrEqual(acked.length + 1);
      const last = await items.get(acked[acked.length - 1]);
      expect(last?.at).toBeInstanceOf(Date);
      const counter = await store.collection<Doc & { value: number }>('counters').get('c');
      expect(counter?.value).toBeGreaterThanOrEqual(lastCounter);
      // Index and scan agree after replay.
      expect(await items.count({ group: 'g3' })).toBe((await items.find({})).filter((d) => d.group === 'g3').length);
      // And the store keeps working.
      await items.insert({ _id: 'after-crash', n: -1, group: 'g0', at: new Date(0) });
    } finally {
      await store.close();
    }
  }, 15_000);

  test('a torn last line is dropped and truncated away; the next write lands on a clean line', async () => {
    const file = join(dir, 'items.jsonl');
    let store = createEmbeddedStore({ dir });
    for (let n = 0; n < 3; n++)
      await store.collection<Item>('items').insert({ _id: `i${n}`, n, group: 'g', at: new Date(n) });
    await store.close();
    appendFileSync(file, '{"op":"put","doc":{"_id":"i3","n":3,"gro');

    store = createEmbeddedStore({ dir });
    expect((await store.collection('items').find({})).map((d) => d._id)).toEqual(['i0', 'i1', 'i2']);
    await store.collection<Item>('items').insert({ _id: 'i4', n: 4, group: 'g', at: new Date(4) });
    await store.close();

    for (const line of lines(file)) expect(() => JSON.parse(line)).not.toThrow();
    store = createEmbeddedStore({ dir });
    expect((await store.collection('items').find({})).map((d) => d._id)).toEqual(['i0', 'i1', 'i2', 'i4']);
    await store.close();
  });

  test('a complete last entry without its newline is kept, and later appends start a new line', async () => {
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, '{"op":"put","doc":{"_id":"a","n":1}}\n{"op":"put","doc":{"_id":"b","n":2}}');
    let store = createEmbeddedStore({ dir });
    await store.collection('items').insert({ _id: 'c' });
    await store.close();
    expect(lines(file)).toHaveLength(3);
    store = createEmbeddedStore({ dir });
    expect(await store.collection('items').count({})).toBe(3);
    await store.close();
  });

  test('a corrupt line in the middle of a log refuses to open, naming file and line', () => {
    writeFileSync(
      join(dir, 'items.jsonl'),
      '{"op":"put","doc":{"_id":"a"}}\n{"op":"put","doc":{"_id":"b"}}\nGARBAGE\n{"op":"put","doc":{"_id":"c"}}\n',
    );
    expect(() => createEmbeddedStore({ dir })).toThrow(/items\.jsonl: line 3 is corrupt/);
  });

  test('Dates survive the log as Dates', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    let store = createEmbeddedStore({ dir });
    await store.collection('items').insert({ _id: 'a', at, nested: { list: [at] } } as Doc);
    await store.collection('items').updateOne({ _id: 'a' }, { $set: { later: new Date(at.getTime() + 1) } });
    await store.close();
    expect(readFileSync(join(dir, 'items.jsonl'), 'utf8')).toContain('{"$date":"2026-03-04T05:06:07.089Z"}');
    store = createEmbeddedStore({ dir });
    const doc = (await store.collection('items').get('a')) as unknown as {
      at: Date;
      nested: { list: Date[] };
      later: Date;
    };
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.toISOString()).toBe(at.toISOString());
    expect(doc.nested.list[0]).toEqual(at);
    expect(doc.later.getTime()).toBe(at.getTime() + 1);
    expect(await store.collection('items').count({ at: { $gte: at } })).toBe(1);
    await store.close();
  });

  test('a log much larger than its live data is compacted on open (temp file + rename)', async () => {
    const file = join(dir, 'counters.jsonl');
    let store = createEmbeddedStore({ dir });
    const counters = store.collection<Doc & { value: number }>('counters');
    await counters.insert({ _id: 'keep', value: 0 });
    await counters.insert({ _id: 'gone', value: 0 });
    for (let i = 0; i < 1100; i++) await counters.updateOne({ _id: 'keep' }, { $inc: { value: 1 } });
    await counters.deleteOne({ _id: 'gone' });
    await store.close();
    expect(lines(file).length).toBe(1103);

    store = createEmbeddedStore({ dir });
    expect(lines(file)).toEqual(['{"op":"put","doc":{"_id":"keep","value":1100}}']);
    expect(await store.collection('counters').find({})).toEqual([{ _id: 'keep', value: 1100 }]);
    await store.collection<Doc & { value: number }>('counters').updateOne({ _id: 'keep' }, { $inc: { value: 1 } });
    await store.close();
    store = createEmbeddedStore({ dir });
    expect(await store.collection('counters').get('keep')).toEqual({ _id: 'keep', value: 1101 });
    await store.close();
  });
});

describe('transactions on disk', () => {
  test('a committed transaction survives a reopen; a rolled-back one leaves no trace', async () => {
    let store = createEmbeddedStore({ dir });
    await store.collection('alpha').insert({ _id: 'x', v: 1 } as Doc);
    await store.withTransaction(async (tx) => {
      await tx.collection('alpha').updateOne({ _id: 'x' }, { $inc: { v: 1 } });
      await tx.collection('beta').insert({ _id: 'y' });
    });
    await expect(
      store.withTransaction(async (tx) => {
        await tx.collection('alpha').updateOne({ _id: 'x' }, { $inc: { v: 100 } });
        await tx.collection('beta').deleteOne({ _id: 'y' });
        await tx.collection('beta').insert({ _id: 'z' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await store.close();
    store = createEmbeddedStore({ dir });
    expect(await store.collection('alpha').get('x')).toEqual({ _id: 'x', v: 2 });
    expect((await store.collection('beta').find({})).map((d) => d._id)).toEqual(['y']);
    await store.close();
  });

  test('writes of a transaction that never committed (crash mid-transaction) are skipped on replay', async () => {
    writeFileSync(
      join(dir, 'alpha.jsonl'),
      [
        '{"op":"put","doc":{"_id":"x","v":1}}',
        '{"op":"put","doc":{"_id":"x","v":2},"tx":"t-committed"}',
        '{"op":"put","doc":{"_id":"y","v":1},"tx":"t-crashed"}',
        '{"op":"put","doc":{"_id":"x","v":99},"tx":"t-crashed"}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, '_transactions.jsonl'), '{"commit":"t-committed"}\n');
    const store = createEmbeddedStore({ dir });
    expect(await store.collection('alpha').find({})).toEqual([{ _id: 'x', v: 2 }]);
    await store.close();
  });
});

describe('embedded store behaviour', () => {
  test('writing through the outer store inside a transaction is refused, not deadlocked', async () => {
    const store = createEmbeddedStore();
    await expect(
      store.withTransaction(async () => {
        await store.collection('alpha').insert({ _id: 'x' });
      }),
    ).rejects.toThrow(/use the tx store/);
    expect(await store.collection('alpha').get('x')).toBeNull();
  });

  test('outside writes and reads wait for a running transaction instead of interleaving with it', async () => {
    const store = createEmbeddedStore();
    await store.collection('quota').insert({ _id: 'q', used: 0 } as Doc);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = store.withTransaction(async (t) => {
      await t.collection('quota').updateOne({ _id: 'q' }, { $set: { used: 10 } });
      await gate;
      order.push('tx done');
      throw new Error('rollback');
    });
    await new Promise((resolve) => setImmediate(resolve));
    const outside = store
      .collection('quota')
      .updateOne({ _id: 'q' }, { $inc: { used: 1 } })
      .then(() => order.push('outside write'));
    const read = store.collection('quota').get('q');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    release();
    await expect(tx).rejects.toThrow('rollback');
    await outside;
    expect(order).toEqual(['tx done', 'outside write']);
    // The reader never saw the transaction's value 10, only what came after it.
    expect(await read).toEqual({ _id: 'q', used: 1 });
    expect(await store.collection('quota').get('q')).toEqual({ _id: 'q', used: 1 });
  });

  test('a closed store rejects further use; bad collection names are refused', async () => {
    const store = createEmbeddedStore({ dir });
    expect(() => store.collection('bad name')).toThrow(/invalid collection name/);
    expect(() => store.collection('_transactions')).toThrow(/invalid collection name/);
    await store.close();
    await expect(store.collection('items').get('x')).rejects.toThrow(/closed/);
    await expect(store.collection('items').insert({ _id: 'x' })).rejects.toThrow(/closed/);
  });
});

describe('secondary indexes', () => {
  const UNITS = ['u0', 'u1', 'u2', 'u3'];
  const STATUSES = ['draft', 'submitted', 'approved'];
  const value = fc.oneof(fc.constantFrom(...UNITS), fc.integer({ min: 0, max: 3 }), fc.constant(null));
  const docArb = fc.record(
    {
      unitId: fc.oneof(
        fc.constantFrom(...UNITS),
        fc.constant(null),
        fc.array(fc.constantFrom(...UNITS), { maxLength: 3 }),
      ),
      status: fc.constantFrom(...STATUSES),
      n: fc.integer({ min: 0, max: 5 }),
      at: fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
    },
    { requiredKeys: ['status', 'n', 'at'] },
  );
  const fieldCondition = (values: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof(
      values,
      values.map((v) => ({ $eq: v })),
      fc.array(values, { maxLength: 3 }).map((vs) => ({ $in: vs })),
      fc.array(values, { maxLength: 3 }).map((vs) => ({ $in: vs, $ne: vs[0] ?? 'u0' })),
      values.map((v) => ({ $ne: v })),
    );
  const clause: fc.Arbitrary<Filter> = fc.oneof(
    fieldCondition(value).map((c) => ({ unitId: c })),
    // Anchored prefixes the index answers, and patterns it must leave to mingo.
    fc.constantFrom('^u', '^u1', '^x', 'u1', '^u.').map((p) => ({ unitId: { $regex: p } })),
    fieldCondition(fc.constantFrom(...STATUSES, 'nope')).map((c) => ({ status: c })),
    fc.integer({ min: 0, max: 5 }).map((n) => ({ n: { $gte: n } })),
    fc.integer({ min: 0, max: 3 }).map((d) => ({ at: new Date(Date.UTC(2026, 0, 1 + d)) })),
    fieldCondition(fc.integer({ min: 0, max: 45 }).map((i) => `d${i}`)).map((c) => ({ _id: c })),
  );
  const filterArb: fc.Arbitrary<Filter> = fc.oneof(
    clause,
    fc.tuple(clause, clause).map(([a, b]) => ({ ...a, ...b })),
    fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => ({ $and: cs })),
    fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => ({ $or: cs })),
  );

  test('indexed and unindexed stores agree on find/count/updates for random data and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { maxLength: 40 }),
        filterArb,
        filterArb,
        fc.constantFrom(...STATUSES),
        async (docs, filter, updateFilter, newStatus) => {
          const indexed = createEmbeddedStore({ indexes: { coll: ['unitId', 'status', 'at'] } });
          const plain = createEmbeddedStore();
          const run = async (store: Store) => {
            const c = store.collection('coll');
            for (let i = 0; i < docs.length; i++) await c.insert({ _id: `d${i}`, ...docs[i] } as Doc);
            // Changes indexed fields, so index maintenance is exercised too.
            const updated = await c.updateMany(updateFilter, { $set: { status: newStatus, unitId: 'u1' } });
            const deleted = await c.deleteOne(filter);
            return {
              updated,
              deleted,
              found: await c.find(filter), // natural order must agree as well
              page: await c.find(filter, { sort: { n: -1 }, skip: 1, limit: 3 }),
              natural: await c.find(filter, { skip: 1, limit: 2, projection: { status: 1, n: 1 } }),
              count: await c.count(filter),
              grouped: await c.aggregate([
                { $match: filter },
                { $group: { _id: '$status', n: { $sum: 1 } } },
                { $sort: { _id: 1 } },
              ]),
            };
          };
          expect(await run(indexed)).toEqual(await run(plain));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('find with sort/skip/limit matches mingo over a plain array (fast sort path and BSON-order fallback)', async () => {
    const sortKey = fc.constantFrom('n', 'status', 'at', 'unitId', 'name');
    const sortArb = fc
      .uniqueArray(fc.tuple(sortKey, fc.constantFrom<1 | -1>(1, -1)), {
        minLength: 1,
        maxLength: 2,
        selector: (t) => t[0],
      })
      .map((pairs) => Object.fromEntries(pairs) as Record<string, 1 | -1>);
    const named = fc.record({ name: fc.constantFrom('alice', 'Bob', 'bob', '张三', 'Zoe', '') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(docArb, named), { maxLength: 30 }),
        filterArb,
        sortArb,
        fc.nat(5),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        async (pairs, filter, sort, skip, limit) => {
          const docs = pairs.map(([d, n], i) => ({ _id: `d${i}`, ...d, ...n }));
          const store = createEmbeddedStore({ indexes: { coll: ['unitId', 'status'] } });
          for (const d of docs) await store.collection('coll').insert(d as Doc);
          let cursor = mingoFind(docs, filter).sort(sort).skip(skip);
          if (limit !== undefined) cursor = cursor.limit(limit);
          expect(await store.collection('coll').find(filter, { sort, skip, limit })).toEqual(cursor.all());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('one process per data directory', () => {
  it('a second process is refused while the first holds the directory; a dead holder’s lock is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hqn-lock-'));
    const store = createEmbeddedStore({ dir });
    await store.collection('items').insert({ _id: 'a' });
    let message = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/store-writer-child.ts'), dir, '1'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      message = String((e as { stderr: string }).stderr);
    }
    expect(message).toContain(`data directory ${dir} is in use by process ${process.pid}`);
    await store.close();
    expect(existsSync(join(dir, '.lock'))).toBe(false);

    // A holder that died without closing (SIGKILL): its pid no longer runs.
    writeFileSync(join(dir, '.lock'), '999999999');
    const again = createEmbeddedStore({ dir });
    expect(await again.collection('items').get('a')).toEqual({ _id: 'a' });
    await again.close();
  });
});
