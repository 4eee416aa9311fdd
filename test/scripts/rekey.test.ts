/**
 * `npm run rekey` (issue 8 §12): after the data key rotates from A to B (A kept as previous), the command
 * re-seals every sealed value in the registry under B, after which A can be dropped; it is idempotent, and a
 * crash part-way leaves every value readable and a rerun finishes.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { C, INDEXES } from '../../cloudfunctions/_lib/collections';
import {
  createPersonalDataCrypto,
  keyIdOf,
  type CryptoKeys,
  type PersonalDataCrypto,
} from '../../cloudfunctions/_lib/crypto';
import { createEmbeddedStore } from '../../cloudfunctions/_lib/store/embedded';
import type { Collection, Doc, Store } from '../../cloudfunctions/_lib/store/port';
import { createLocalDeps } from '../../scripts/local/deps';
import { formatReport, isComplete, parseArgs, rekey, SEALED, type RekeyReport } from '../../scripts/rekey';
import { faultyStore, InjectedFault, type Faults } from '../support/faulty-store';
import { dataOf, makeHarness, NOW } from '../support/harness';
import { fixture } from '../support/fixtures';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const HASH_KEY = Buffer.alloc(32, 9).toString('base64');
const A: CryptoKeys = { dataKey: KEY_A, hashKey: HASH_KEY };
const B_WITH_A: CryptoKeys = { dataKey: KEY_B, previousDataKeys: [KEY_A], hashKey: HASH_KEY };
const B: CryptoKeys = { dataKey: KEY_B, hashKey: HASH_KEY };

type Row = Doc & Record<string, unknown>;

/** A ciphertext as the first release wrote it: `v1:<iv>:<tag>:<ct>`, naming no key. */
function sealV1(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

/** Plain values by `<collection>/<_id>.<field>`, to compare after re-sealing (never logged). */
type Plain = Record<string, string>;

/** Nominations, objections and idempotency records under A: half v2, half the unversioned v1; some nulls. */
async function seedUnderA(store: Store, count: number): Promise<Plain> {
  const crypto = createPersonalDataCrypto(A);
  const plain: Plain = {};
  const seal = (where: string, value: string, i: number) => {
    plain[where] = value;
    return i % 2 === 0 ? crypto.encrypt(value) : sealV1(KEY_A, value);
  };
  for (let i = 0; i < count; i += 1) {
    const id = `11010519900101${String(i).padStart(4, '0')}`;
    const nid = `p2026:${crypto.hash(id)}`;
    await store.collection<Row>(C.nominations).insert({
      _id: nid,
      periodId: 'p2026',
      idHash: crypto.hash(id),
      idNumberEnc: seal(`nominations/${nid}.idNumberEnc`, id, i),
      phoneEnc: seal(`nominations/${nid}.phoneEnc`, `1390000${String(i).padStart(4, '0')}`, i + 1),
    });
    const contact = i % 3 === 0 ? null : seal(`objections/o${i}.contactEnc`, `联系人${i}`, i);
    await store.collection<Row>(C.objections).insert({ _id: `o${i}`, nominationId: nid, contactEnc: contact });
    const response = i % 4 === 0 ? null : seal(`requests/r${i}.responseEnc`, JSON.stringify({ ok: true, i }), i);
    await store.collection<Row>(C.requests).insert({ _id: `r${i}`, state: 'done', responseEnc: response });
  }
  return plain;
}

/** Every sealed value, opened with `crypto`: throws if any does not open. */
async function openAll(store: Store, crypto: PersonalDataCrypto): Promise<{ plain: Plain; keyIds: Set<string> }> {
  const plain: Plain = {};
  const keyIds = new Set<string>();
  for (const { collection, fields } of SEALED) {
    for (const doc of await store.collection<Row>(collection).find({})) {
      for (const field of fields) {
        const value = doc[field];
        if (typeof value !== 'string') continue;
        plain[`${collection}/${doc._id}.${field}`] = crypto.decrypt(value);
        keyIds.add(crypto.sealedKeyId(value) ?? 'v1');
      }
    }
  }
  return { plain, keyIds };
}

function total(report: RekeyReport, key: 'resealed' | 'raced' | 'documents'): number {
  return report.collections.reduce((sum, c) => sum + c[key], 0);
}

function memoryStore(): Store {
  return createEmbeddedStore({ indexes: INDEXES });
}

describe('npm run rekey', () => {
  it('re-seals everything under B; then A can be dropped and every value still opens; a second run is a no-op', async () => {
    const store = memoryStore();
    const before = await seedUnderA(store, 25);
    const rotated = createPersonalDataCrypto(B_WITH_A);
    // Rotated but not yet re-keyed: the functions read everything.
    expect((await openAll(store, rotated)).plain).toEqual(before);

    const progress: string[] = [];
    const first = await rekey(store, rotated, { batchSize: 7, progress: (l) => progress.push(l) });
    expect(isComplete(first)).toBe(true);
    expect(total(first, 'resealed')).toBe(Object.keys(before).length);
    expect(progress.filter((l) => l.startsWith('nominations:'))).toHaveLength(4); // 25 documents in batches of 7

    const onlyB = createPersonalDataCrypto(B);
    const after = await openAll(store, onlyB);
    expect(after.plain).toEqual(before);
    expect([...after.keyIds]).toEqual([keyIdOf(KEY_B)]);

    const second = await rekey(store, rotated);
    expect(total(second, 'resealed')).toBe(0);
    expect(total(second, 'documents')).toBe(75);
    // The check before dropping A: a dry run with B alone finds everything readable and current.
    expect(isComplete(await rekey(store, onlyB, { dryRun: true }))).toBe(true);
  });

  it('a dry run counts by key id and writes nothing', async () => {
    const store = memoryStore();
    const before = await seedUnderA(store, 4);
    const snapshot = await store.collection<Row>(C.nominations).find({});
    const report = await rekey(store, createPersonalDataCrypto(B_WITH_A), { dryRun: true });
    expect(await store.collection<Row>(C.nominations).find({})).toEqual(snapshot);
    expect(total(report, 'resealed')).toBe(Object.keys(before).length);
    expect(isComplete(report)).toBe(false);
    const nominations = report.collections.find((c) => c.collection === C.nominations);
    expect(nominations?.byKey).toEqual({ [keyIdOf(KEY_A)]: 4, v1: 4 });
    const lines = formatReport(report).join('\n');
    expect(lines).toContain('dry run');
    expect(lines).toContain(`4 under ${keyIdOf(KEY_A)}, 4 under v1; 8 to re-seal`);
    expect(lines).not.toContain(KEY_A);
    expect(lines).not.toContain(KEY_B);
  });

  it('a crash at any write leaves every value readable under B with A, and a rerun finishes', async () => {
    for (const failAt of [1, 5, 13]) {
      const inner = memoryStore();
      const before = await seedUnderA(inner, 6);
      const rotated = createPersonalDataCrypto(B_WITH_A);
      const faults: Faults = { writes: 0, failAt: new Set([failAt]) };
      await expect(rekey(faultyStore(inner, faults), rotated, { batchSize: 4 })).rejects.toThrow(InjectedFault);
      expect((await openAll(inner, rotated)).plain).toEqual(before);

      const rerun = await rekey(inner, rotated, { batchSize: 4 });
      expect(isComplete(rerun)).toBe(true);
      const after = await openAll(inner, createPersonalDataCrypto(B));
      expect(after.plain).toEqual(before);
      expect([...after.keyIds]).toEqual([keyIdOf(KEY_B)]);
    }
  });

  it('leaves a value a function re-wrote meanwhile, and reports the document for a rerun', async () => {
    const store = memoryStore();
    await seedUnderA(store, 2);
    const rotated = createPersonalDataCrypto(B_WITH_A);
    const [first] = await store.collection<Row>(C.nominations).find({}, { sort: { _id: 1 }, limit: 1 });
    const racing: Store = {
      ...store,
      collection: <T extends Doc>(name: string): Collection<T> => {
        const inner = store.collection<T>(name);
        return {
          find: (filter, options) => inner.find(filter, options),
          findOne: (filter) => inner.findOne(filter),
          get: (id) => inner.get(id),
          count: (filter) => inner.count(filter),
          insert: (doc) => inner.insert(doc),
          updateMany: (filter, update) => inner.updateMany(filter, update),
          deleteOne: (filter) => inner.deleteOne(filter),
          aggregate: (pipeline) => inner.aggregate(pipeline),
          updateOne: async (filter, update) => {
            // A function writes the phone under B between the command's read and its write.
            if (filter._id === first._id) {
              const phoneEnc = rotated.encrypt('13911112222');
              await inner.updateOne({ _id: first._id }, { $set: { phoneEnc } });
            }
            return inner.updateOne(filter, update);
          },
        };
      },
    };
    const report = await rekey(racing, rotated);
    expect(report.collections.find((c) => c.collection === C.nominations)?.raced).toBe(1);
    expect(isComplete(report)).toBe(false);
    const doc = await store.collection<Row>(C.nominations).get(first._id);
    expect(rotated.decrypt(String(doc?.phoneEnc))).toBe('13911112222');
    expect(isComplete(await rekey(store, rotated))).toBe(true);
  });

  it('reports values no configured key opens and records whose idHash another hash key made', async () => {
    const store = memoryStore();
    await seedUnderA(store, 3);
    const otherHash = createPersonalDataCrypto({ ...B_WITH_A, hashKey: Buffer.alloc(32, 8).toString('base64') });
    const report = await rekey(store, otherHash, { dryRun: true });
    expect(report.collections[0].mismatched).toHaveLength(3);
    expect(formatReport(report).join('\n')).toContain('idHash is not the hash of its ID number under HQN_HASH_KEY');

    const withoutA = await rekey(store, createPersonalDataCrypto(B));
    expect(isComplete(withoutA)).toBe(false);
    // Both fields of 3 nominations, the 2 non-null contacts of objections o1 and o2, 2 non-null responses; no service
    // requests, no youth records.
    expect(withoutA.collections.map((c) => c.unreadable.length)).toEqual([6, 2, 2, 0, 0]);
    expect(withoutA.collections[0].unreadable[0]).toMatch(/^nominations\/p2026:[0-9a-f]{32}\.idNumberEnc$/);
    expect(total(withoutA, 'resealed')).toBe(0);
  });

  it('nominations made by the functions under A stay readable through the rotation, and after A is dropped', async () => {
    const depsA = createLocalDeps({ keys: A, clock: () => NOW });
    const f = await fixture({ deps: depsA });
    const unit = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const n = await f.nomination(unit);
    const reveal = { nominationId: n.id, field: 'phone', reason: '核对联系方式' } as const;
    const phone = dataOf(await f.h.call('nomination', 'reveal', reveal, admin)).value;

    const rotated = createPersonalDataCrypto(B_WITH_A);
    const during = await makeHarness({ seed: false, deps: { ...depsA, crypto: rotated } });
    expect(dataOf(await during.call('nomination', 'reveal', reveal, admin)).value).toBe(phone);
    expect(isComplete(await rekey(depsA.store, rotated))).toBe(true);

    const after = await makeHarness({ seed: false, deps: { ...depsA, crypto: createPersonalDataCrypto(B) } });
    expect(dataOf(await after.call('nomination', 'reveal', reveal, admin)).value).toBe(phone);
    expect(dataOf(await after.call('nomination', 'get', { nominationId: n.id }, admin)).eligibility.eligible).toBe(
      true,
    );
  });

  it('knows every sealed field of the collection registry', () => {
    const dir = join(__dirname, '../../cloudfunctions/_lib/collections');
    const declared = readdirSync(dir)
      .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/^\s+(\w+Enc)\??:/gm)].map((m) => m[1]))
      .sort();
    expect(SEALED.flatMap((s) => s.fields).sort()).toEqual(declared);
  });

  it('parses its flags', () => {
    expect(parseArgs(['--dry-run', '--batch-size', '50', '--data-dir', '/tmp/x'])).toEqual({
      dryRun: true,
      batchSize: 50,
      dataDir: '/tmp/x',
      cloud: false,
    });
    expect(parseArgs([], { HQN_DATA_DIR: '/data' }).dataDir).toBe('/data');
    expect(parseArgs(['--cloud']).cloud).toBe(true);
    expect(() => parseArgs(['--batch-size', '0'])).toThrow('positive integer');
    expect(() => parseArgs(['--force'])).toThrow('unknown argument --force');
  });
});
