/** Secondary indexes never change a query's result: indexed, unindexed and plain mingo agree. */
import * as fc from 'fast-check';
import { find as mingoFind } from 'mingo';
import { createEmbeddedStore } from '../../../../../cloudfunctions/_lib/store/embedded';
import type { Doc, Filter, Store } from '../../../../../cloudfunctions/_lib/store/port';

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
