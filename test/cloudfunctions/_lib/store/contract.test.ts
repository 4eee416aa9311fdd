/**
 * One behavioural contract for the store port, run against every adapter:
 * the embedded store in memory and on disk, and the CloudBase adapter driving
 * the real @cloudbase/node-sdk against the loopback fake server. If a use of
 * the port passes here on the laptop, it means the same on the cloud.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { createCloudbaseStore } from '../../../../cloudfunctions/_lib/store/cloudbase';
import { createEmbeddedStore } from '../../../../cloudfunctions/_lib/store/embedded';
import { DuplicateKeyError, type Collection, type Doc, type Store } from '../../../../cloudfunctions/_lib/store/port';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../../../support/fake-tcb-server';

interface Youth extends Doc {
  name: string;
  unitId: string;
  districtId: string;
  status: string;
  age: number;
  tags: string[];
  address: { city: string; zip: string };
  createdAt: Date;
  note?: string;
}

interface Quota extends Doc {
  used: number;
}

interface Slot extends Doc {
  status: 'free' | 'taken';
  n: number;
}

interface Harness {
  store: Store;
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function youth(i: number, over: Partial<Youth> = {}): Youth {
  return {
    _id: `y${i}`,
    name: ['Alice', 'bob', 'Carol', 'dave', 'Erin', 'Frank'][i % 6],
    unitId: `u${i % 3}`,
    districtId: `d${i % 2}`,
    status: ['draft', 'submitted', 'approved'][i % 3],
    age: 18 + i,
    tags: i % 2 ? ['a', 'b'] : ['c'],
    address: { city: i < 3 ? 'Hangzhou' : 'Ningbo', zip: `31000${i}` },
    createdAt: new Date(T0 + i * DAY),
    ...over,
  };
}

const ids = (docs: Doc[]): string[] => docs.map((d) => d._id);

/**
 * What CloudBase would send without the transaction id (research §7): every
 * adapter's transactional view refuses it, with the same message.
 */
const REFUSED_IN_TRANSACTION: Array<[string, (people: Collection<Youth>) => Promise<unknown>, RegExp]> = [
  ['count', (people) => people.count({}), /^count cannot run inside a CloudBase transaction/],
  ['count by _id', (people) => people.count({ _id: 'y0' }), /^count cannot run inside/],
  [
    'updateMany',
    (people) => people.updateMany({ districtId: 'd0' }, { $set: { note: 'x' } }),
    /^updateMany cannot run inside/,
  ],
  [
    'aggregate',
    (people) => people.aggregate([{ $match: { districtId: 'd0' } }, { $count: 'n' }]),
    /^aggregate cannot run inside/,
  ],
  [
    'updateOne without _id',
    (people) => people.updateOne({ status: 'draft' }, { $set: { note: 'x' } }),
    /^updateOne without a string _id in the filter cannot run inside/,
  ],
  [
    'updateOne with a non-string _id',
    (people) => people.updateOne({ _id: { $in: ['y0', 'y1'] } }, { $set: { note: 'x' } }),
    /^updateOne without a string _id in the filter cannot run inside/,
  ],
  [
    'deleteOne without _id',
    (people) => people.deleteOne({ unitId: 'u1' }),
    /^deleteOne without a string _id in the filter cannot run inside/,
  ],
  [
    'deleteOne with a non-string _id',
    (people) => people.deleteOne({ _id: { $eq: 'y0' } }),
    /^deleteOne without a string _id in the filter cannot run inside/,
  ],
];

export function describeStoreContract(name: string, make: () => Promise<Harness>): void {
  describe(`store contract: ${name}`, () => {
    let h: Harness;
    let store: Store;

    beforeEach(async () => {
      h = await make();
      store = h.store;
    });

    afterEach(async () => {
      await h.cleanup();
    });

    async function seed(n = 6): Promise<void> {
      const people = store.collection<Youth>('youth');
      for (let i = 0; i < n; i++) await people.insert(youth(i));
    }

    test('insert then get round-trips the document, Dates included; unknown ids are null', async () => {
      const people = store.collection<Youth>('youth');
      await people.insert(youth(1));
      const got = await people.get('y1');
      expect(got).toEqual(youth(1));
      expect(got?.createdAt).toBeInstanceOf(Date);
      expect(await people.get('nope')).toBeNull();
    });

    test('inserting an existing _id rejects with DuplicateKeyError and leaves the original alone', async () => {
      const people = store.collection<Youth>('youth');
      await people.insert(youth(1));
      const error = await people.insert(youth(1, { name: 'Mallory' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect(error).toMatchObject({ collection: 'youth', id: 'y1' });
      expect((await people.get('y1'))?.name).toBe('bob');
    });

    test('find: equality, $in, ranges, $or, $regex, nested fields, arrays and dates', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      const sorted = { sort: { _id: 1 as const } };
      expect(ids(await people.find({ unitId: 'u1' }, sorted))).toEqual(['y1', 'y4']);
      expect(ids(await people.find({ status: { $in: ['draft', 'approved'] } }, sorted))).toEqual([
        'y0',
        'y2',
        'y3',
        'y5',
      ]);
      expect(ids(await people.find({ age: { $gte: 19, $lt: 21 } }, sorted))).toEqual(['y1', 'y2']);
      expect(ids(await people.find({ $or: [{ unitId: 'u0' }, { age: 23 }] }, sorted))).toEqual(['y0', 'y3', 'y5']);
      expect(ids(await people.find({ name: { $regex: '^[a-c]', $options: 'i' } }, sorted))).toEqual(['y0', 'y1', 'y2']);
      expect(ids(await people.find({ name: /^[A-Z]/ }, sorted))).toEqual(['y0', 'y2', 'y4', 'y5']);
      expect(ids(await people.find({ 'address.city': 'Hangzhou', districtId: 'd0' }, sorted))).toEqual(['y0', 'y2']);
      expect(ids(await people.find({ tags: 'a' }, sorted))).toEqual(['y1', 'y3', 'y5']);
      expect(
        ids(await people.find({ createdAt: { $gte: new Date(T0 + 2 * DAY), $lt: new Date(T0 + 4 * DAY) } }, sorted)),
      ).toEqual(['y2', 'y3']);
      expect(await people.find({ unitId: 'nowhere' })).toEqual([]);
      expect((await people.findOne({ unitId: 'u2', districtId: 'd1' }))?._id).toBe('y5');
      expect(await people.findOne({ unitId: 'nowhere' })).toBeNull();
    });

    test('find: sort (several keys), skip, limit and projection', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      const page = await people.find({}, { sort: { createdAt: -1 }, skip: 1, limit: 2 });
      expect(ids(page)).toEqual(['y4', 'y3']);
      const multi = await people.find({}, { sort: { districtId: 1, age: -1 } });
      expect(ids(multi)).toEqual(['y4', 'y2', 'y0', 'y5', 'y3', 'y1']);
      const slim = await people.find({ unitId: 'u0' }, { sort: { age: 1 }, projection: { name: 1 } });
      expect(slim).toEqual([
        { _id: 'y0', name: 'Alice' },
        { _id: 'y3', name: 'dave' },
      ]);
      const without = await people.find({ _id: 'y0' }, { projection: { address: 0, tags: 0 } });
      expect(Object.keys(without[0]).sort()).toEqual([
        '_id',
        'age',
        'createdAt',
        'districtId',
        'name',
        'status',
        'unitId',
      ]);
      expect(await people.find({}, { limit: 0 })).toEqual([]);
      await expect(people.find({}, { limit: -1 })).rejects.toThrow(/limit/);
    });

    test('a sort with ties ends on _id, so pages of the same sort neither overlap nor skip', async () => {
      const people = store.collection<Youth>('youth');
      // Inserted out of _id order, all with the same sort key.
      for (const i of [5, 2, 8, 0, 7, 3, 9, 1, 6, 4]) await people.insert(youth(i, { districtId: 'd', unitId: 'u' }));
      const pages: string[][] = [];
      for (let skip = 0; skip < 10; skip += 3) {
        pages.push(ids(await people.find({ districtId: 'd' }, { sort: { unitId: 1 }, skip, limit: 3 })));
      }
      expect(pages.flat()).toEqual(['y0', 'y1', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7', 'y8', 'y9']);
      const newestFirst = await people.find({}, { sort: { districtId: -1 }, limit: 2 });
      expect(ids(newestFirst)).toEqual(['y0', 'y1']); // the tie-breaker stays ascending
    });

    test('count', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      expect(await people.count({})).toBe(6);
      expect(await people.count({ districtId: 'd1', age: { $gt: 19 } })).toBe(2);
      expect(await people.count({ unitId: 'nowhere' })).toBe(0);
    });

    test('updateOne is conditional: resolves 1 when the filter matched and 0 when not', async () => {
      await seed(2);
      const people = store.collection<Youth>('youth');
      expect(await people.updateOne({ _id: 'y1', status: 'approved' }, { $set: { note: 'x' } })).toBe(0);
      expect(await people.updateOne({ _id: 'y1', status: 'submitted' }, { $set: { status: 'approved' } })).toBe(1);
      expect(await people.updateOne({ _id: 'missing' }, { $set: { note: 'x' } })).toBe(0);
      // No _id in the filter: the first match is updated, and only it.
      expect(await people.updateOne({ age: { $gte: 18 } }, { $inc: { age: 100 } })).toBe(1);
      expect((await people.find({ age: { $gte: 100 } })).length).toBe(1);
      const y1 = await people.get('y1');
      expect(y1?.status).toBe('approved');
    });

    test('updates report how many documents they modified, as CloudBase does: a no-op update reports 0', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      // y1 is already 'submitted': the filter matches, nothing changes.
      expect(await people.updateOne({ _id: 'y1' }, { $set: { status: 'submitted' } })).toBe(0);
      expect(await people.updateOne({ _id: 'y1', status: 'submitted' }, { $set: { status: 'submitted' } })).toBe(0);
      expect(await people.updateOne({ districtId: 'd1' }, { $set: { districtId: 'd1' } })).toBe(0);
      expect(await people.updateOne({ _id: 'y1' }, { $addToSet: { tags: 'a' } })).toBe(0);
      expect(await people.updateOne({ _id: 'y1' }, { $inc: { age: 0 } })).toBe(0);
      expect(await people.updateOne({ _id: 'y1' }, { $unset: { missing: '' } })).toBe(0);
      // Three in d1; one of them already carries the note: two are modified.
      await people.updateOne({ _id: 'y3' }, { $set: { note: 'odd' } });
      expect(await people.updateMany({ districtId: 'd1' }, { $set: { note: 'odd' } })).toBe(2);
      expect(await people.updateMany({ districtId: 'd1' }, { $set: { note: 'odd' } })).toBe(0);
      await store.withTransaction(async (tx) => {
        expect(await tx.collection<Youth>('youth').updateOne({ _id: 'y1' }, { $set: { status: 'submitted' } })).toBe(0);
        expect(await tx.collection<Youth>('youth').updateOne({ _id: 'y1' }, { $set: { status: 'approved' } })).toBe(1);
      });
      expect((await people.get('y1'))?.status).toBe('approved');
    });

    test('update operators: $set (nested), $inc, $push, $unset, $addToSet, $pull; bad updates are rejected', async () => {
      await seed(2);
      const people = store.collection<Youth>('youth');
      const when = new Date(T0 + 99 * DAY);
      await people.updateOne(
        { _id: 'y1' },
        { $set: { 'address.city': 'Wenzhou', createdAt: when }, $inc: { age: 2 }, $push: { tags: 'z' } },
      );
      await people.updateOne({ _id: 'y1' }, { $addToSet: { tags: 'a' }, $unset: { note: '' } });
      await people.updateOne({ _id: 'y1' }, { $addToSet: { tags: 'q' } });
      await people.updateOne({ _id: 'y1' }, { $pull: { tags: 'b' } });
      const y1 = await people.get('y1');
      expect(y1).toMatchObject({ age: 21, address: { city: 'Wenzhou', zip: '310001' }, tags: ['a', 'z', 'q'] });
      expect(y1?.createdAt).toEqual(when);
      await expect(people.updateOne({ _id: 'y1' }, { $foo: { age: 1 } })).rejects.toThrow(/\$foo/);
      await expect(people.updateOne({ _id: 'y1' }, { name: 'replacement' })).rejects.toThrow(/operators/);
      expect((await people.get('y1'))?.name).toBe('bob');
    });

    test('updateMany resolves how many documents it changed', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      expect(await people.updateMany({ districtId: 'd1' }, { $set: { note: 'odd' } })).toBe(3);
      expect(ids(await people.find({ note: 'odd' }, { sort: { _id: 1 } }))).toEqual(['y1', 'y3', 'y5']);
      expect(await people.updateMany({ districtId: 'd9' }, { $set: { note: 'none' } })).toBe(0);
    });

    test('deleteOne removes at most one document', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      expect(await people.deleteOne({ _id: 'y0' })).toBe(1);
      expect(await people.deleteOne({ _id: 'y0' })).toBe(0);
      expect(await people.deleteOne({ districtId: 'd1' })).toBe(1);
      expect(await people.count({})).toBe(4);
      expect(await people.count({ districtId: 'd1' })).toBe(2);
    });

    test('aggregate: $match + $group + $sort, and $count', async () => {
      await seed();
      const people = store.collection<Youth>('youth');
      const byUnit = await people.aggregate<{ _id: string; n: number; oldest: number }>([
        { $match: { createdAt: { $gte: new Date(T0 + DAY) } } },
        { $group: { _id: '$unitId', n: { $sum: 1 }, oldest: { $max: '$age' } } },
        { $sort: { n: -1, _id: 1 } },
      ]);
      expect(byUnit).toEqual([
        { _id: 'u1', n: 2, oldest: 22 },
        { _id: 'u2', n: 2, oldest: 23 },
        { _id: 'u0', n: 1, oldest: 21 },
      ]);
      expect(await people.aggregate([{ $match: { districtId: 'd0' } }, { $count: 'total' }])).toEqual([{ total: 3 }]);
      await expect(people.aggregate([{ $lookup: { from: 'x' } }])).rejects.toThrow(/\$lookup/);
    });

    test('documents are copies: mutating inputs or results never changes the store', async () => {
      const people = store.collection<Youth>('youth');
      const doc = youth(1);
      await people.insert(doc);
      doc.name = 'changed';
      doc.tags.push('changed');
      doc.createdAt.setTime(0);
      const got = (await people.get('y1')) as Youth;
      expect(got).toEqual(youth(1));
      got.address.city = 'changed';
      got.tags.length = 0;
      const [found] = await people.find({ _id: 'y1' });
      found.name = 'changed';
      expect(await people.get('y1')).toEqual(youth(1));
    });

    test('withTransaction commits every write and returns fn’s result', async () => {
      await seed(2);
      const result = await store.withTransaction(async (tx) => {
        const people = tx.collection<Youth>('youth');
        const y0 = await people.get('y0');
        await people.insert(youth(7, { note: `after ${y0?.name}` }));
        expect(await people.updateOne({ _id: 'y1' }, { $set: { status: 'approved' } })).toBe(1);
        expect(await people.updateOne({ _id: 'y1', status: 'draft' }, { $set: { note: 'no' } })).toBe(0);
        expect(await people.deleteOne({ _id: 'y0' })).toBe(1);
        expect(ids(await people.find({ status: 'approved' }))).toEqual(['y1']);
        return 'done';
      });
      expect(result).toBe('done');
      const people = store.collection<Youth>('youth');
      expect((await people.get('y7'))?.note).toBe('after Alice');
      expect((await people.get('y1'))?.status).toBe('approved');
      expect(await people.get('y0')).toBeNull();
    });

    test('withTransaction rolls every write back when fn throws', async () => {
      await seed(2);
      const boom = new Error('boom');
      await expect(
        store.withTransaction(async (tx) => {
          const people = tx.collection<Youth>('youth');
          await people.insert(youth(7));
          await people.updateOne({ _id: 'y1' }, { $set: { status: 'approved' }, $inc: { age: 10 } });
          await people.deleteOne({ _id: 'y0' });
          await tx.collection<Quota>('quota').insert({ _id: 'q', used: 1 });
          throw boom;
        }),
      ).rejects.toBe(boom);
      const people = store.collection<Youth>('youth');
      expect(await people.get('y7')).toBeNull();
      expect(await people.get('y1')).toEqual(youth(1));
      expect(await people.get('y0')).toEqual(youth(0));
      expect(await store.collection('quota').get('q')).toBeNull();
    });

    test('a DuplicateKeyError inside a transaction rolls back the writes before it', async () => {
      await seed(1);
      const error = await store
        .withTransaction(async (tx) => {
          await tx.collection<Quota>('quota').insert({ _id: 'q', used: 1 });
          await tx.collection<Youth>('youth').insert(youth(0));
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect(await store.collection('quota').get('q')).toBeNull();
    });

    test.each(REFUSED_IN_TRANSACTION)(
      'inside a transaction %s is refused, and the transaction rolls back',
      async (_label, run, message) => {
        await seed(3);
        const error = await store
          .withTransaction(async (tx) => {
            await tx.collection<Quota>('quota').insert({ _id: 'q', used: 0 });
            await run(tx.collection<Youth>('youth'));
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).toMatch(/use get\/find\/findOne\/insert and updateOne\/deleteOne/);
        expect(await store.collection('quota').get('q')).toBeNull();
        const people = store.collection<Youth>('youth');
        for (let i = 0; i < 3; i++) expect(await people.get(`y${i}`)).toEqual(youth(i));
      },
    );

    test('inside a transaction get, find, findOne, insert and updateOne/deleteOne by string _id are allowed', async () => {
      await seed(3);
      await store.withTransaction(async (tx) => {
        const people = tx.collection<Youth>('youth');
        expect((await people.get('y0'))?.name).toBe('Alice');
        expect(ids(await people.find({ districtId: 'd0' }, { sort: { _id: 1 } }))).toEqual(['y0', 'y2']);
        expect((await people.findOne({ unitId: 'u1' }))?._id).toBe('y1');
        await people.insert(youth(9));
        expect(await people.updateOne({ _id: 'y0' }, { $inc: { age: 1 } })).toBe(1);
        // `{_id, status}`: conditional on the document's current state.
        expect(await people.updateOne({ _id: 'y1', status: 'submitted' }, { $set: { status: 'approved' } })).toBe(1);
        expect(await people.updateOne({ _id: 'y2', status: 'draft' }, { $set: { note: 'no' } })).toBe(0);
        expect(await people.deleteOne({ _id: 'y2', status: 'draft' })).toBe(0);
        expect(await people.deleteOne({ _id: 'y2', status: 'approved' })).toBe(1);
        expect(await people.deleteOne({ _id: 'missing' })).toBe(0);
      });
      const people = store.collection<Youth>('youth');
      expect(await people.get('y9')).toEqual(youth(9));
      expect((await people.get('y0'))?.age).toBe(19);
      expect((await people.get('y1'))?.status).toBe('approved');
      expect(await people.get('y2')).toBeNull();
      // Outside the transaction everything is allowed again.
      expect(await people.count({})).toBe(3);
    });

    test('50 concurrent conditional increments against a cap of 5: exactly 5 succeed', async () => {
      const quotas = store.collection<Quota>('quota');
      await quotas.insert({ _id: 'q', used: 0 });
      const results = await Promise.all(
        Array.from({ length: 50 }, () => quotas.updateOne({ _id: 'q', used: { $lt: 5 } }, { $inc: { used: 1 } })),
      );
      expect(results.filter((n) => n === 1)).toHaveLength(5);
      expect(results.filter((n) => n === 0)).toHaveLength(45);
      expect((await quotas.get('q'))?.used).toBe(5);
    });

    test('concurrent claims by a filter without _id: each free slot is taken exactly once', async () => {
      const slots = store.collection<Slot>('slots');
      for (let n = 0; n < 3; n++) await slots.insert({ _id: `s${n}`, status: 'free', n });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => slots.updateOne({ status: 'free' }, { $set: { status: 'taken' } })),
      );
      expect(results.reduce((a, b) => a + b, 0)).toBe(3);
      expect(await slots.count({ status: 'taken' })).toBe(3);
    });
  });
}

/* ------------------------------------------------------------------ runs */

describeStoreContract('embedded, in memory', async () => {
  const store = createEmbeddedStore({ indexes: { youth: ['unitId', 'districtId', 'status', 'tags'] } });
  return { store, cleanup: () => store.close() };
});

describeStoreContract('embedded, on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
  const store = createEmbeddedStore({ dir, indexes: { youth: ['unitId', 'status'] } });
  return {
    store,
    async cleanup() {
      await store.close();
      // Everything acknowledged must still be there after a reopen.
      const reopened = createEmbeddedStore({ dir });
      await reopened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

let fake: FakeTcbServer;
let app: ReturnType<typeof connectSdk>;

beforeAll(async () => {
  fake = await startFakeTcbServer();
  app = connectSdk(fake);
});

afterAll(async () => {
  await fake.close();
});

describeStoreContract('cloudbase adapter via the real node-sdk and the fake server', async () => {
  fake.reset();
  const store = createCloudbaseStore(app);
  return {
    store,
    async cleanup() {
      await store.close();
      expect(fake.violations).toEqual([]);
    },
  };
});

/* ------------------------------------------- what goes over the wire */

describe('cloudbase adapter on the wire', () => {
  let store: Store;

  beforeEach(() => {
    fake.reset();
    store = createCloudbaseStore(app);
  });

  afterEach(() => {
    expect(fake.violations).toEqual([]);
  });

  const sent = (action: string): Array<Record<string, unknown>> =>
    fake.requests.filter((r) => r.action === action).map((r) => r.body);
  const parse = (text: unknown): unknown => EJSON.parse(String(text));

  test('every request is signed for the configured env and uses only expected actions', async () => {
    const quotas = store.collection<Quota>('quota');
    await quotas.insert({ _id: 'q', used: 0 });
    await quotas.get('q');
    await quotas.count({});
    expect(fake.requests.map((r) => r.action)).toEqual([
      'database.insertDocument',
      'database.getDocument',
      'database.calculateDocument',
    ]);
    expect(sent('database.insertDocument')[0]).toMatchObject({ collectionName: 'quota', envName: fake.env });
    expect(parse((sent('database.insertDocument')[0].data as string[])[0])).toEqual({ _id: 'q', used: 0 });
  });

  test('a conditional update sends the raw $lt filter with multi=false; {_id} alone goes by document', async () => {
    const quotas = store.collection<Quota>('quota');
    await quotas.insert({ _id: 'q', used: 0 });
    fake.requests.length = 0;
    await quotas.updateOne({ _id: 'q', used: { $lt: 5 } }, { $inc: { used: 1 } });
    await quotas.updateOne({ _id: 'q' }, { $set: { used: 3 } });
    const [conditional, byId] = sent('database.modifyDocument');
    expect(conditional).toMatchObject({ queryType: 'WHERE', multi: false, merge: true, upsert: false });
    expect(parse(conditional.query)).toEqual({ _id: 'q', used: { $lt: 5 } });
    expect(parse(conditional.data)).toEqual({ $inc: { used: 1 } });
    expect(String(conditional.query)).toContain('"$lt"');
    expect(byId).toMatchObject({ queryType: 'DOC', multi: false });
    expect(parse(byId.query)).toEqual({ _id: 'q' });
  });

  test('a filter without _id is resolved to one _id, then written conditionally on filter + _id', async () => {
    const slots = store.collection<Slot>('slots');
    await slots.insert({ _id: 's1', status: 'free', n: 1 });
    fake.requests.length = 0;
    expect(await slots.updateOne({ status: 'free' }, { $set: { status: 'taken' } })).toBe(1);
    const [lookup] = sent('database.getDocument');
    expect(parse(lookup.query)).toEqual({ status: 'free' });
    expect(lookup).toMatchObject({ limit: 1 });
    expect(parse(lookup.projection)).toEqual({ _id: 1 });
    const [write] = sent('database.modifyDocument');
    expect(parse(write.query)).toEqual({ status: 'free', _id: 's1' });
    expect(write.multi).toBe(false);
  });

  test('find maps sort/skip/limit/projection and pages past the SDK’s 1000-document cap', async () => {
    const rows = new Map<string, Record<string, unknown> & { _id: string }>();
    for (let i = 0; i < 1500; i++)
      rows.set(`r${String(i).padStart(4, '0')}`, { _id: `r${String(i).padStart(4, '0')}`, i });
    fake.data.set('rows', rows);
    const all = await store.collection<Doc & { i: number }>('rows').find({}, { sort: { i: 1 } });
    expect(all).toHaveLength(1500);
    expect(all[1499].i).toBe(1499);
    const pages = sent('database.getDocument');
    expect(pages.map((p) => [p.offset, p.limit])).toEqual([
      [undefined, 1000],
      [1000, 1000],
    ]);
    // `_id` is added as a tie-breaker so consecutive pages cannot overlap or skip.
    expect(parse(pages[0].order)).toEqual({ i: 1, _id: 1 });
    fake.requests.length = 0;
    await store
      .collection('rows')
      .find({ i: { $gte: 10 } }, { sort: { i: -1 }, skip: 5, limit: 2, projection: { i: 1 } });
    expect(sent('database.getDocument')[0]).toMatchObject({ offset: 5, limit: 2 });
  });

  test('aggregate sends the raw pipeline as stages', async () => {
    await store.collection<Quota>('quota').insert({ _id: 'q', used: 2 });
    fake.requests.length = 0;
    await store.collection('quota').aggregate([{ $match: { used: { $gt: 1 } } }, { $count: 'n' }]);
    const [agg] = sent('database.aggregateDocuments');
    expect(agg.stages).toEqual([
      { stageKey: '$match', stageValue: expect.any(String) },
      { stageKey: '$count', stageValue: '"n"' },
    ]);
    expect(parse((agg.stages as Array<{ stageValue: string }>)[0].stageValue)).toEqual({ used: { $gt: 1 } });
  });

  test('transactional reads and writes carry the transaction id; non-transactional operations throw', async () => {
    await store.collection<Quota>('quota').insert({ _id: 'q', used: 0 });
    fake.requests.length = 0;
    await store.withTransaction(async (tx) => {
      const quotas = tx.collection<Quota>('quota');
      await quotas.get('q');
      await quotas.updateOne({ _id: 'q', used: { $lt: 5 } }, { $inc: { used: 1 } });
      await quotas.insert({ _id: 'q2', used: 0 });
      await expect(quotas.count({})).rejects.toThrow(/cannot run inside a CloudBase transaction/);
      await expect(quotas.updateMany({}, { $inc: { used: 1 } })).rejects.toThrow(/updateMany/);
      await expect(quotas.updateOne({ used: 1 }, { $inc: { used: 1 } })).rejects.toThrow(/string _id/);
      await expect(quotas.aggregate([{ $count: 'n' }])).rejects.toThrow(/aggregate/);
      await expect(tx.withTransaction(async () => 1)).rejects.toThrow(/nested/);
    });
    const actions = fake.requests.map((r) => r.action);
    expect(actions[0]).toBe('database.startTransaction');
    expect(actions[actions.length - 1]).toBe('database.commitTransaction');
    const inner = fake.requests.slice(1, -1);
    expect(inner.map((r) => r.action)).toEqual([
      'database.getDocument',
      'database.getDocument',
      'database.modifyDocument',
      'database.insertDocument',
    ]);
    for (const r of inner) expect(typeof r.body.transactionId).toBe('string');
    expect((await store.collection<Quota>('quota').get('q'))?.used).toBe(1);
  });

  test('a rolled-back transaction sends abortTransaction and readers outside never see its writes', async () => {
    await store.collection<Quota>('quota').insert({ _id: 'q', used: 0 });
    let seenOutside: Quota | null = null;
    await expect(
      store.withTransaction(async (tx) => {
        await tx.collection<Quota>('quota').updateOne({ _id: 'q' }, { $inc: { used: 1 } });
        seenOutside = await store.collection<Quota>('quota').get('q');
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(seenOutside).toEqual({ _id: 'q', used: 0 });
    expect(fake.requests.map((r) => r.action)).toContain('database.abortTransaction');
    expect((await store.collection<Quota>('quota').get('q'))?.used).toBe(0);
  });
});
