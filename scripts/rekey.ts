/**
 * `npm run rekey`: re-seals every personal-data value that is not under the current data key, so the previous
 * key can be dropped (README, "Personal data"). Run it after the functions have been given the new key as
 * `HQN_DATA_KEY` and the old one in `HQN_DATA_KEYS_OLD`: they keep working throughout, opening either key.
 *
 *   npm run rekey -- --dry-run            what would change, per collection and key; writes nothing
 *   npm run rekey                         re-seal, in batches, printing progress
 *   npm run rekey -- --batch-size 200     documents read per batch (default 100)
 *   npm run rekey -- --data-dir DIR       the local store (default .data, or HQN_DATA_DIR)
 *   npm run rekey -- --cloud              CloudBase: TCB_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
 *
 * Keys come from HQN_DATA_KEY, HQN_DATA_KEYS_OLD and HQN_HASH_KEY; locally, without them, from the data
 * directory's dev-keys.json. Each document is re-sealed by one write conditional on the values it read, so a
 * crash leaves every value under one configured key or the other, a rerun skips what is done, and a value a
 * function changed meanwhile is left to the function (it sealed it under the current key). Every value is
 * opened, and every nomination's ID number re-hashed against its `idHash`: the command doubles as the check
 * that the configured keys fit the data before an old key is dropped. Prints counts and key ids, never a key
 * or a value.
 */
import { join } from 'node:path';
import * as tcb from '@cloudbase/node-sdk';
import {
  C,
  type NominationDoc,
  type ObjectionDoc,
  type RequestDoc,
  type ServiceRequestDoc,
  type YouthDoc,
} from '../cloudfunctions/_lib/collections';
import type { Field } from '../cloudfunctions/_lib/collections/define';
import { createPersonalDataCrypto, keysFromEnv, type PersonalDataCrypto } from '../cloudfunctions/_lib/crypto';
import { createCloudbaseStore } from '../cloudfunctions/_lib/store/cloudbase';
import type { Doc, Store } from '../cloudfunctions/_lib/store/port';
import { createLocalDeps } from './local/deps';

/** The fields of a collection that hold values sealed by `PersonalDataCrypto.encrypt` (string, or null). */
export interface SealedFields {
  collection: string;
  fields: readonly string[];
  /** Fields read beside the sealed ones, for `check`. */
  alsoRead?: readonly string[];
  /** A consistency check of a document given its opened values; false counts as a mismatch. */
  check?: (doc: Record<string, unknown>, opened: Record<string, string>, crypto: PersonalDataCrypto) => boolean;
}

function sealed<T extends Doc>() {
  return (entry: { collection: string; fields: readonly Field<T>[] } & Omit<SealedFields, 'collection' | 'fields'>) =>
    entry as SealedFields;
}

/**
 * Every sealed field in the collection registry (`cloudfunctions/_lib/collections/`); a test fails when a
 * document type there gains an `…Enc` field this list lacks.
 */
export const SEALED: readonly SealedFields[] = [
  sealed<NominationDoc>()({
    collection: C.nominations,
    fields: ['idNumberEnc', 'phoneEnc'],
    alsoRead: ['idHash'],
    // The hash key is never rotated (README): a record whose idHash is not the hash of its ID number under the
    // configured HQN_HASH_KEY means the key is not the one the data was written with.
    check: (doc, opened, crypto) => opened.idNumberEnc === undefined || crypto.hash(opened.idNumberEnc) === doc.idHash,
  }),
  sealed<ObjectionDoc>()({ collection: C.objections, fields: ['contactEnc'] }),
  sealed<RequestDoc>()({ collection: C.requests, fields: ['responseEnc'] }),
  sealed<ServiceRequestDoc>()({ collection: C.serviceRequests, fields: ['contentEnc'] }),
  sealed<YouthDoc>()({
    collection: C.youths,
    fields: ['idNumberEnc', 'phoneEnc'],
    alsoRead: ['idHash'],
    check: (doc, opened, crypto) => opened.idNumberEnc === undefined || crypto.hash(opened.idNumberEnc) === doc.idHash,
  }),
];

export interface CollectionReport {
  collection: string;
  documents: number;
  /** Sealed values found, by the key id they name (`v1` for the unversioned first format). */
  byKey: Record<string, number>;
  /** Values re-sealed under the current key (dry run: that would be). */
  resealed: number;
  /** Documents changed by someone else between the read and the write: left as they are. */
  raced: number;
  /** `<collection>/<_id>.<field>` of values no configured key opens. */
  unreadable: string[];
  /** `<collection>/<_id>` of documents failing the collection's check. */
  mismatched: string[];
}

export interface RekeyReport {
  currentKeyId: string;
  dryRun: boolean;
  collections: CollectionReport[];
}

export interface RekeyOptions {
  dryRun?: boolean;
  batchSize?: number;
  /** Progress lines (counts and key ids only). */
  progress?: (line: string) => void;
  /** Defaults to SEALED. */
  sealedFields?: readonly SealedFields[];
}

type Row = Record<string, unknown> & Doc;

interface DocPlan {
  /** Field → the value read, for the conditional write. */
  expected: Record<string, string>;
  /** Field → the value re-sealed under the current key. */
  resealed: Record<string, string>;
}

function emptyReport(collection: string): CollectionReport {
  return { collection, documents: 0, byKey: {}, resealed: 0, raced: 0, unreadable: [], mismatched: [] };
}

/** Opens every sealed value of a document and re-seals those not under the current key. */
function planDoc(doc: Row, entry: SealedFields, crypto: PersonalDataCrypto, report: CollectionReport): DocPlan {
  const plan: DocPlan = { expected: {}, resealed: {} };
  const opened: Record<string, string> = {};
  for (const field of entry.fields) {
    const value = doc[field];
    if (typeof value !== 'string') continue;
    const keyId = crypto.sealedKeyId(value) ?? 'v1';
    report.byKey[keyId] = (report.byKey[keyId] ?? 0) + 1;
    try {
      opened[field] = crypto.decrypt(value);
    } catch {
      report.unreadable.push(`${entry.collection}/${doc._id}.${field}`);
      continue;
    }
    if (crypto.isCurrent(value)) continue;
    plan.expected[field] = value;
    plan.resealed[field] = crypto.encrypt(opened[field]);
  }
  if (entry.check && !entry.check(doc, opened, crypto)) report.mismatched.push(`${entry.collection}/${doc._id}`);
  return plan;
}

async function writePlan(store: Store, collection: string, id: string, plan: DocPlan): Promise<boolean> {
  // Conditional on the values read: a function that re-wrote a field meanwhile sealed it under the current key,
  // and its value must not be overwritten with this older one.
  const matched = await store.collection(collection).updateOne({ _id: id, ...plan.expected }, { $set: plan.resealed });
  return matched === 1;
}

async function rekeyBatch(
  store: Store,
  entry: SealedFields,
  batch: Row[],
  crypto: PersonalDataCrypto,
  options: { dryRun: boolean; report: CollectionReport },
): Promise<void> {
  const { report } = options;
  for (const doc of batch) {
    report.documents += 1;
    const plan = planDoc(doc, entry, crypto, report);
    const count = Object.keys(plan.resealed).length;
    if (count === 0) continue;
    if (options.dryRun || (await writePlan(store, entry.collection, doc._id, plan))) report.resealed += count;
    else report.raced += 1;
  }
}

async function rekeyCollection(
  store: Store,
  entry: SealedFields,
  crypto: PersonalDataCrypto,
  options: Required<Omit<RekeyOptions, 'sealedFields'>>,
): Promise<CollectionReport> {
  const report = emptyReport(entry.collection);
  const projection = Object.fromEntries([...entry.fields, ...(entry.alsoRead ?? [])].map((f) => [f, 1 as const]));
  let after: string | null = null;
  for (;;) {
    // Walks by _id, so a batch never depends on what an earlier one wrote: a rerun starts over and skips
    // what is already under the current key.
    const filter = after === null ? {} : { _id: { $gt: after } };
    const batch = await store
      .collection<Row>(entry.collection)
      .find(filter, { sort: { _id: 1 }, limit: options.batchSize, projection });
    if (batch.length === 0) break;
    await rekeyBatch(store, entry, batch, crypto, { dryRun: options.dryRun, report });
    after = batch[batch.length - 1]._id;
    options.progress(
      `${entry.collection}: ${report.documents} documents read, ${report.resealed} values ` +
        `${options.dryRun ? 'to re-seal' : 're-sealed'}`,
    );
  }
  return report;
}

/** Re-seals every sealed value under the current key; see the file comment. */
export async function rekey(
  store: Store,
  crypto: PersonalDataCrypto,
  options: RekeyOptions = {},
): Promise<RekeyReport> {
  const resolved = {
    dryRun: options.dryRun ?? false,
    batchSize: options.batchSize ?? 100,
    progress: options.progress ?? (() => {}),
  };
  if (!Number.isInteger(resolved.batchSize) || resolved.batchSize < 1)
    throw new Error('batch size must be a positive integer');
  const collections: CollectionReport[] = [];
  for (const entry of options.sealedFields ?? SEALED)
    collections.push(await rekeyCollection(store, entry, crypto, resolved));
  return { currentKeyId: crypto.currentKeyId, dryRun: resolved.dryRun, collections };
}

/**
 * True when every value opened, every check held and nothing is left: after a run, no document raced; in a dry
 * run, nothing is left to re-seal (with only the new key configured: the old one may be dropped).
 */
export function isComplete(report: RekeyReport): boolean {
  return report.collections.every(
    (c) => c.unreadable.length === 0 && c.mismatched.length === 0 && (report.dryRun ? c.resealed === 0 : c.raced === 0),
  );
}

/** The closing lines: per collection, counts by key id, then what is wrong (document ids only). */
export function formatReport(report: RekeyReport): string[] {
  const lines = [`current data key: ${report.currentKeyId}${report.dryRun ? ' (dry run: nothing written)' : ''}`];
  for (const c of report.collections) {
    const keys = Object.entries(c.byKey).map(
      ([k, n]) => `${n} under ${k === report.currentKeyId ? `${k} (current)` : k}`,
    );
    const verb = report.dryRun ? 'to re-seal' : 're-sealed';
    lines.push(
      `${c.collection}: ${c.documents} documents; ${keys.join(', ') || 'no sealed values'}; ${c.resealed} ${verb}`,
    );
    if (c.raced > 0)
      lines.push(`  ${c.raced} documents changed meanwhile and were left as they are: run the command again`);
    for (const id of c.unreadable) lines.push(`  no configured key opens ${id}`);
    for (const id of c.mismatched) lines.push(`  ${id}: idHash is not the hash of its ID number under HQN_HASH_KEY`);
  }
  return lines;
}

export interface RekeyArgs {
  dryRun: boolean;
  batchSize: number;
  dataDir: string;
  cloud: boolean;
}

function positiveInteger(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error('--batch-size takes a positive integer');
  return n;
}

/** `--dry-run`, `--batch-size N`, `--data-dir DIR`, `--cloud`; anything else is refused. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): RekeyArgs {
  const args: RekeyArgs = {
    dryRun: false,
    batchSize: 100,
    dataDir: env.HQN_DATA_DIR ?? join(__dirname, '..', '.data'),
    cloud: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--cloud') args.cloud = true;
    else if (arg === '--batch-size') args.batchSize = positiveInteger(argv[(i += 1)]);
    else if (arg === '--data-dir' && argv[i + 1]) args.dataDir = argv[(i += 1)];
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

function cloudStore(env: NodeJS.ProcessEnv): Store {
  const { TCB_ENV: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = env;
  if (!envId || !secretId || !secretKey) {
    throw new Error('--cloud needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  }
  return createCloudbaseStore(tcb.init({ env: envId, secretId, secretKey }));
}

/** The store and crypto the command works on: CloudBase with the environment's keys, or the local store. */
export function openTarget(args: RekeyArgs, env: NodeJS.ProcessEnv): { store: Store; crypto: PersonalDataCrypto } {
  if (args.cloud) return { store: cloudStore(env), crypto: createPersonalDataCrypto(keysFromEnv(env)) };
  const deps = createLocalDeps({ dataDir: args.dataDir, keys: env.HQN_DATA_KEY ? keysFromEnv(env) : undefined });
  return { store: deps.store, crypto: deps.crypto };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  const { store, crypto } = openTarget(args, process.env);
  try {
    const report = await rekey(store, crypto, { ...args, progress: (line) => console.log(line) });
    for (const line of formatReport(report)) console.log(line);
    if (!isComplete(report)) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`rekey: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
