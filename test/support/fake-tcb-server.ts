/**
 * A loopback stand-in for CloudBase's `/admin` endpoint, good enough for the
 * real @cloudbase/node-sdk to run every database call the cloudbase store
 * adapter makes, backed by in-memory maps and mingo.
 *
 * It is also a checker: every request must be a signed (TC3-HMAC-SHA256,
 * verified with the SDK's own signer) POST for the configured env, carry an
 * action we expect, and put raw Mongo on the wire (no SDK command objects,
 * no flattened `a.$lt` keys). Anything else is answered with HTTP 400 and
 * recorded in `violations`, which tests assert is empty. Every request is
 * recorded in `requests` so tests can assert what went over the wire.
 *
 * Semantics emulated (MongoDB-like, as far as research §2/§7 tells):
 * - a duplicate `_id` fails with "E11000 duplicate key" (assumed real text);
 * - `modifyDocument` reports `updated` = documents actually modified;
 * - transactions: writes lock their documents; another transaction touching a
 *   locked document gets DATABASE_TRANSACTION_CONFLICT (and is aborted), a
 *   non-transactional write waits until the lock is released, and readers
 *   outside the transaction see the before-image. Reads inside a transaction
 *   see committed data plus their own writes, and a transaction that writes a
 *   document changed by someone else since it began conflicts (MongoDB's
 *   snapshot write-conflict rule).
 * Each request is handled synchronously, so a conditional update is atomic.
 *
 * Storage, as the SDK's `uploadFile` and `getTempFileURL` use it: the upload
 * asks `/admin` for metadata (`storage.getUploadMetadata`: a COS URL, a
 * signature and a file id), then PUTs the bytes to that URL with the
 * signature; `storage.batchGetDownloadUrl` returns links served by GET. Stored
 * objects are in `objects` by cloud path.
 *
 * WeChat's open API, as wx-server-sdk calls it (`cloud.openapi.subscribeMessage.send`): a multipart POST to
 * `/admin` with `action=wx.openApi`, `apiName` and a protobuf `requestData`, answered with a protobuf
 * `CommOpenApiResp` carrying WeChat's JSON; `wechat` (scripts/local/wechat.ts) decides the answer (0, 43101,
 * 40037, 47003…) and keeps what it delivered.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tcb from '@cloudbase/node-sdk';
import { Signer } from '@cloudbase/signature-nodejs';
import { BSONRegExp, EJSON } from 'bson';
import { Aggregator, Query, find as mingoFind, update as mingoUpdate } from 'mingo';
import { answerOpenApi, createWechatEmulator, type WechatEmulator } from '../../scripts/local/wechat';

type Row = Record<string, unknown> & { _id: string };
type Criteria = ConstructorParameters<typeof Query>[0];
type Projection = NonNullable<Parameters<typeof mingoFind>[2]>;
type Modifier = Parameters<typeof mingoUpdate>[1];

export interface FakeRequest {
  action: string;
  body: Record<string, unknown>;
}

export interface StoredObject {
  fileId: string;
  bytes: Buffer;
}

export interface FakeTcbServer {
  /** The value for the SDK's `serviceUrl`. */
  readonly url: string;
  readonly env: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly requests: FakeRequest[];
  readonly violations: string[];
  /** The emulated database, by collection then `_id` (tests may seed or inspect it). */
  readonly data: Map<string, Map<string, Row>>;
  /** The emulated cloud storage, by cloud path. */
  readonly objects: Map<string, StoredObject>;
  /**
   * WeChat behind `wx.openApi` (what wx-server-sdk's `cloud.openapi.*` sends, multipart with a protobuf body):
   * configure its answers (success, 43101, 40037, 47003…) and read what it delivered.
   */
  readonly wechat: WechatEmulator;
  /** Forgets data, objects, requests and violations. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeTcbOptions {
  env?: string;
  secretId?: string;
  secretKey?: string;
}

/** Every action the store and file adapters may legitimately send (names from @cloudbase/database and node-sdk). */
export const EXPECTED_ACTIONS = [
  'database.getDocument',
  'database.insertDocument',
  'database.modifyDocument',
  'database.removeDocument',
  'database.calculateDocument',
  'database.aggregateDocuments',
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
  'storage.getUploadMetadata',
  'storage.batchGetDownloadUrl',
] as const;

const QUERY_OPERATORS = new Set([
  '$and',
  '$or',
  '$nor',
  '$not',
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
  '$options',
  '$size',
  '$all',
  '$elemMatch',
  '$mod',
  '$type',
]);
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$rename',
]);
const UPDATE_MODIFIERS = new Set(['$each', '$position', '$slice', '$sort']);
const STAGES = new Set(['$match', '$group', '$sort', '$skip', '$limit', '$project', '$count']);
/** Keys of the SDK's command objects (QueryCommand, UpdateCommand...) if one leaked onto the wire unencoded. */
const SDK_INTERNALS = new Set(['_internalType', 'operands', 'fieldName', 'operator']);
const COLLECTION_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{1,32}$/;
const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** A request the adapter should never send: HTTP 400 plus a `violations` entry. */
class Violation extends Error {}

/** A database-level failure the real server would report in the body (`{code, message}`). */
class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A non-transactional write that touches a document locked by an open transaction: retry when it ends. */
class MustWait extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}

/** Not structuredClone: it builds Dates in the host realm, which breaks `instanceof Date` under jest. */
function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/** EJSON (canonical, as the SDK sends it) to plain JS, with BSON regexes turned into RegExp for mingo. */
function fromEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw new Violation(`${what} must be an EJSON string, got ${typeof text}`);
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw new Violation(`${what} is not EJSON: ${String(error)}`);
  }
  const convert = (v: unknown): unknown => {
    if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''));
    if (Array.isArray(v)) return v.map(convert);
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = convert(x);
      return out;
    }
    return v;
  };
  return convert(value);
}

function toEjson(doc: Record<string, unknown>): string {
  return EJSON.stringify(doc, { relaxed: false });
}

/** Throws a Violation unless `value` is a raw Mongo filter built only from known query operators. */
function assertRawFilter(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertRawFilter(v, `${where}[${i}]`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (SDK_INTERNALS.has(key)) throw new Violation(`${where}: SDK command object on the wire (key ${key})`);
    if (/\.\$/.test(key)) throw new Violation(`${where}: flattened operator key "${key}" (filter was not sent raw)`);
    if (key.startsWith('$') && !QUERY_OPERATORS.has(key)) throw new Violation(`${where}: unexpected operator ${key}`);
    assertRawFilter(v, `${where}.${key}`);
  }
}

function assertRawUpdate(value: unknown, where: string): asserts value is Record<string, Record<string, unknown>> {
  if (!isPlainObject(value) || Object.keys(value).length === 0) throw new Violation(`${where}: empty or not an object`);
  for (const [op, fields] of Object.entries(value)) {
    if (!UPDATE_OPERATORS.has(op)) throw new Violation(`${where}: "${op}" is not an update operator (not raw mode?)`);
    if (!isPlainObject(fields)) throw new Violation(`${where}: ${op} must take an object`);
    for (const [path, arg] of Object.entries(fields)) {
      if (SDK_INTERNALS.has(path) || path.startsWith('$')) throw new Violation(`${where}: bad field path ${path}`);
      if (isPlainObject(arg)) {
        for (const k of Object.keys(arg)) {
          if (SDK_INTERNALS.has(k)) throw new Violation(`${where}: SDK command object on the wire (key ${k})`);
          if (k.startsWith('$') && !UPDATE_MODIFIERS.has(k) && !QUERY_OPERATORS.has(k)) {
            throw new Violation(`${where}: unexpected modifier ${k}`);
          }
        }
      }
    }
  }
}

interface TxState {
  open: boolean;
  undo: Array<{ coll: string; id: string; before: Row | undefined }>;
  /** `writeSeq` when the transaction began: later committed changes to a document make writing it conflict. */
  startSeq: number;
}

interface Lock {
  txId: string;
  before: Row | undefined;
}

export async function startFakeTcbServer(options: FakeTcbOptions = {}): Promise<FakeTcbServer> {
  const env = options.env ?? 'test-env';
  const secretId = options.secretId ?? 'test-id';
  const secretKey = options.secretKey ?? 'test-key';
  const requests: FakeRequest[] = [];
  const wechat = createWechatEmulator();
  const violations: string[] = [];
  const data = new Map<string, Map<string, Row>>();
  const objects = new Map<string, StoredObject>();
  /** Upload slots handed out by getUploadMetadata, by cloud path: the PUT must present their signature. */
  const uploads = new Map<string, { authorization: string; token: string; cosFileId: string; fileId: string }>();
  let origin = ''; // set once listening
  const transactions = new Map<string, TxState>();
  const locks = new Map<string, Lock>();
  let waiting: Array<() => void> = [];
  let counter = 0;
  const requestId = (): string => `fake-${++counter}`;
  /** MongoDB's snapshot rule: a transaction may not write a document someone else changed after it began. */
  let writeSeq = 0;
  const lastWrite = new Map<string, number>();
  const lockKey = (coll: string, id: string): string => `${coll}\u0000${id}`;

  function table(body: Record<string, unknown>): { name: string; docs: Map<string, Row> } {
    const name = body.collectionName;
    if (typeof name !== 'string' || !COLLECTION_NAME.test(name))
      throw new Violation(`bad collectionName ${String(name)}`);
    let docs = data.get(name);
    if (!docs) data.set(name, (docs = new Map()));
    return { name, docs };
  }

  function transactionOf(body: Record<string, unknown>): string | undefined {
    const id = body.transactionId;
    if (id === undefined) return undefined;
    const tx = typeof id === 'string' ? transactions.get(id) : undefined;
    if (!tx) throw new Violation(`unknown transactionId ${String(id)}`);
    if (!tx.open) throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'transaction is no longer active');
    return id as string;
  }

  /** What a reader sees: other open transactions' writes are replaced by their before-images. */
  function visible(name: string, docs: Map<string, Row>, txId: string | undefined): Row[] {
    const out: Row[] = [];
    for (const [id, doc] of docs) {
      const lock = locks.get(lockKey(name, id));
      if (!lock || lock.txId === txId) out.push(doc);
      else if (lock.before) out.push(lock.before);
    }
    for (const [key, lock] of locks) {
      if (lock.txId !== txId && lock.before && key.startsWith(`${name}\u0000`) && !docs.has(lock.before._id)) {
        out.push(lock.before); // deleted by a transaction that has not committed
      }
    }
    return out;
  }

  function finish(txId: string, commit: boolean): void {
    const tx = transactions.get(txId);
    if (!tx || !tx.open) return;
    tx.open = false;
    if (commit) for (const { coll, id } of tx.undo) lastWrite.set(lockKey(coll, id), ++writeSeq);
    if (!commit) {
      for (const { coll, id, before } of tx.undo.reverse()) {
        const docs = data.get(coll) as Map<string, Row>;
        if (before) docs.set(id, before);
        else docs.delete(id);
      }
    }
    for (const [key, lock] of locks) if (lock.txId === txId) locks.delete(key);
    const retry = waiting;
    waiting = [];
    for (const run of retry) run();
  }

  /** Records a write; in a transaction, locks the document (or conflicts) and keeps its before-image. */
  function write(name: string, docs: Map<string, Row>, id: string, after: Row | undefined, txId: string | undefined) {
    const lock = locks.get(lockKey(name, id));
    if (lock && lock.txId !== txId) {
      if (txId === undefined) throw new MustWait();
      finish(txId, false);
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', `document ${name}/${id} is locked by another transaction`);
    }
    const tx = txId === undefined ? undefined : (transactions.get(txId) as TxState);
    if (tx && txId !== undefined && (lastWrite.get(lockKey(name, id)) ?? 0) > tx.startSeq) {
      finish(txId, false);
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', `document ${name}/${id} changed after the transaction began`);
    }
    if (txId === undefined) lastWrite.set(lockKey(name, id), ++writeSeq);
    const before = docs.get(id);
    if (txId !== undefined) {
      if (!lock) locks.set(lockKey(name, id), { txId, before });
      (transactions.get(txId) as TxState).undo.push({ coll: name, id, before });
    }
    if (after) docs.set(id, after);
    else docs.delete(id);
  }

  /** Non-transactional writes must not touch locked documents: check all targets before changing any. */
  function assertUnlocked(name: string, ids: string[], txId: string | undefined): void {
    if (txId !== undefined) return;
    for (const id of ids) {
      const lock = locks.get(lockKey(name, id));
      if (lock) throw new MustWait();
    }
  }

  function queryOf(body: Record<string, unknown>): Record<string, unknown> {
    if (body.query === undefined) return {};
    const filter = fromEjson(body.query, 'query');
    if (!isPlainObject(filter)) throw new Violation('query must be an object');
    assertRawFilter(filter, 'query');
    if (body.queryType === 'DOC' && (Object.keys(filter).length !== 1 || typeof filter._id !== 'string')) {
      throw new Violation(`DOC query must be exactly {_id}, got ${String(body.query)}`);
    }
    return filter;
  }

  function matching(rows: Row[], filter: Record<string, unknown>, multi: boolean): Row[] {
    const query = new Query(filter as Criteria);
    const hits: Row[] = [];
    for (const row of rows) {
      if (!query.test(row)) continue;
      hits.push(row);
      if (!multi) break;
    }
    return hits;
  }

  const handlers: Record<
    (typeof EXPECTED_ACTIONS)[number],
    (body: Record<string, unknown>) => Record<string, unknown>
  > = {
    'database.getDocument': (body) => {
      const { name, docs } = table(body);
      const txId = transactionOf(body);
      const filter = queryOf(body);
      const limit = body.limit ?? 100;
      if (typeof limit !== 'number' || limit < 1 || limit > 1000) throw new Violation(`limit out of range: ${limit}`);
      const projection = body.projection === undefined ? undefined : fromEjson(body.projection, 'projection');
      let cursor = mingoFind(visible(name, docs, txId), filter as Criteria, projection as Projection | undefined);
      if (body.order !== undefined) {
        const order = fromEjson(body.order, 'order');
        if (!isPlainObject(order) || !Object.values(order).every((d) => d === 1 || d === -1)) {
          throw new Violation(`bad order ${String(body.order)}`);
        }
        cursor = cursor.sort(order as Record<string, 1 | -1>);
      }
      if (body.offset !== undefined) cursor = cursor.skip(Number(body.offset));
      const list = cursor.limit(limit).all().map(toEjson);
      return { requestId: requestId(), data: { list } };
    },

    'database.insertDocument': (body) => {
      const { name, docs } = table(body);
      const txId = transactionOf(body);
      if (!Array.isArray(body.data) || body.data.length === 0) throw new Violation('insertDocument needs data[]');
      const rows = body.data.map((text, i) => {
        const doc = fromEjson(text, `data[${i}]`);
        if (!isPlainObject(doc)) throw new Violation('inserted document must be an object');
        return { ...doc, _id: typeof doc._id === 'string' ? doc._id : randomBytes(12).toString('hex') } as Row;
      });
      assertUnlocked(
        name,
        rows.map((r) => r._id),
        txId,
      );
      for (const row of rows) {
        if (docs.has(row._id)) {
          throw new DbError(
            'DATABASE_REQUEST_FAILED',
            `E11000 duplicate key error collection: ${env}.${name} index: _id_ dup key: { _id: "${row._id}" }`,
          );
        }
      }
      for (const row of rows) write(name, docs, row._id, row, txId);
      return { requestId: requestId(), data: { insertedIds: rows.map((r) => r._id) } };
    },

    'database.modifyDocument': (body) => {
      const { name, docs } = table(body);
      const txId = transactionOf(body);
      if (body.merge !== true || body.upsert !== false) {
        throw new Violation(
          `modifyDocument with merge=${String(body.merge)} upsert=${String(body.upsert)} (set/upsert)`,
        );
      }
      if (txId !== undefined && body.queryType !== 'DOC') throw new Violation('transactional update must be by doc id');
      const filter = queryOf(body);
      const update = fromEjson(body.data, 'data');
      assertRawUpdate(update, 'data');
      const hits = matching(visible(name, docs, txId), filter, body.multi === true);
      assertUnlocked(
        name,
        hits.map((h) => h._id),
        txId,
      );
      // Compute every new version first, so a failing operator changes nothing.
      const changes = hits.map((doc) => {
        const next = clone(doc);
        let fields: string[];
        try {
          fields = mingoUpdate(next, update as Modifier, undefined, undefined, { cloneMode: 'deep' });
        } catch (error) {
          throw new DbError('DATABASE_REQUEST_FAILED', `update failed: ${String(error)}`);
        }
        return { next, modified: fields.length > 0 };
      });
      let updated = 0;
      for (const { next, modified } of changes) {
        if (!modified) continue;
        write(name, docs, next._id, next, txId);
        updated++;
      }
      return { requestId: requestId(), data: { updated, upsert_id: null } };
    },

    'database.removeDocument': (body) => {
      const { name, docs } = table(body);
      const txId = transactionOf(body);
      if (txId !== undefined && body.queryType !== 'DOC') throw new Violation('transactional remove must be by doc id');
      const hits = matching(visible(name, docs, txId), queryOf(body), body.multi === true);
      assertUnlocked(
        name,
        hits.map((h) => h._id),
        txId,
      );
      for (const hit of hits) write(name, docs, hit._id, undefined, txId);
      return { requestId: requestId(), data: { deleted: hits.length } };
    },

    'database.calculateDocument': (body) => {
      const { name, docs } = table(body);
      if (body.transactionId !== undefined) throw new Violation('count never carries a transactionId');
      const total = matching(visible(name, docs, undefined), queryOf(body), true).length;
      return { requestId: requestId(), data: { total } };
    },

    'database.aggregateDocuments': (body) => {
      const { name, docs } = table(body);
      const stages = body.stages;
      if (!Array.isArray(stages) || stages.length === 0) {
        throw new Violation('aggregate without stages (a raw pipeline is dropped unless options({raw:true}))');
      }
      const pipeline = stages.map((stage: unknown, i) => {
        if (!isPlainObject(stage) || typeof stage.stageKey !== 'string') throw new Violation(`bad stage ${i}`);
        if (!STAGES.has(stage.stageKey)) throw new Violation(`unexpected stage ${stage.stageKey}`);
        const value = fromEjson(stage.stageValue, `stages[${i}]`);
        if (stage.stageKey === '$match') assertRawFilter(value, `stages[${i}].$match`);
        return { [stage.stageKey]: value };
      });
      let out: Record<string, unknown>[];
      try {
        out = new Aggregator(pipeline).run(visible(name, docs, undefined));
      } catch (error) {
        throw new DbError('DATABASE_REQUEST_FAILED', `aggregate failed: ${String(error)}`);
      }
      return { requestId: requestId(), data: { list: out.map(toEjson) } };
    },

    'storage.getUploadMetadata': (body) => {
      const path = cloudPath(body.path);
      if (body.method !== 'put') throw new Violation(`upload method ${String(body.method)}`);
      const slot = {
        authorization: `q-sign-algorithm=sha1&q-signature=${randomBytes(8).toString('hex')}`,
        token: randomBytes(8).toString('hex'),
        cosFileId: `cos-${randomBytes(6).toString('hex')}`,
        fileId: `cloud://${env}.fake-bucket/${path}`,
      };
      uploads.set(path, slot);
      return { requestId: requestId(), data: { url: cosUrl(path), ...slot } };
    },

    'storage.batchGetDownloadUrl': (body) => {
      const list = body.file_list;
      if (!Array.isArray(list) || list.length === 0) throw new Violation('batchGetDownloadUrl needs file_list[]');
      const download_list = list.map((item: unknown) => {
        if (!isPlainObject(item) || typeof item.fileid !== 'string') throw new Violation('file_list item needs fileid');
        if (typeof item.max_age !== 'number' || item.max_age <= 0) throw new Violation('file_list item needs max_age');
        const path = [...objects].find(([, o]) => o.fileId === item.fileid)?.[0];
        return path
          ? { code: 'SUCCESS', fileID: item.fileid, tempFileURL: `${cosUrl(path)}?sign=fake&t=${item.max_age}` }
          : { code: 'STORAGE_FILE_NONEXIST', fileID: item.fileid, tempFileURL: '' };
      });
      return { requestId: requestId(), data: { download_list } };
    },

    'database.startTransaction': () => {
      const transactionId = `tx-${randomBytes(6).toString('hex')}`;
      transactions.set(transactionId, { open: true, undo: [], startSeq: writeSeq });
      return { requestId: requestId(), transactionId };
    },

    'database.commitTransaction': (body) => {
      const txId = transactionOf(body);
      if (txId === undefined) throw new Violation('commitTransaction without transactionId');
      finish(txId, true);
      return { requestId: requestId() };
    },

    'database.abortTransaction': (body) => {
      const id = body.transactionId;
      if (typeof id !== 'string' || !transactions.has(id))
        throw new Violation(`abort of unknown transaction ${String(id)}`);
      finish(id, false); // already aborted by a conflict: nothing left to undo
      return { requestId: requestId() };
    },
  };

  /** A relative cloud path without empty or dot segments. */
  function cloudPath(value: unknown): string {
    if (typeof value !== 'string' || value.split('/').some((seg) => /^\.*$/.test(seg))) {
      throw new Violation(`bad cloud path ${String(value)}`);
    }
    return value;
  }

  function cosUrl(path: string): string {
    return `${origin}/cos/${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Why COS would refuse this PUT, or null: it must present the slot's signature, token and file id. */
  function uploadProblem(
    req: http.IncomingMessage,
    path: string,
    slot: { authorization: string; token: string; cosFileId: string } | undefined,
  ): string | null {
    const h = req.headers;
    if (req.method !== 'PUT') return `${req.method} on COS`;
    if (!slot) return `PUT to ${path} without upload metadata`;
    if (h.authorization !== slot.authorization || h.signature !== slot.authorization) return 'COS signature mismatch';
    if (h['x-cos-security-token'] !== slot.token) return 'COS security token mismatch';
    if (h['x-cos-meta-fileid'] !== slot.cosFileId) return 'COS file id mismatch';
    if (h.key !== encodeURIComponent(path)) return `COS key header ${String(h.key)}`;
    return null;
  }

  /** COS itself: the signed PUT of an upload slot, and GET of a stored object through a temp link. */
  function handleCos(req: http.IncomingMessage, res: http.ServerResponse, url: URL, bytes: Buffer): void {
    const path = decodeURIComponent(url.pathname.slice('/cos/'.length));
    if (req.method === 'GET') {
      const object = objects.get(path);
      res.writeHead(object && url.searchParams.get('sign') ? 200 : 404);
      res.end(object?.bytes);
      return;
    }
    const slot = uploads.get(path);
    const problem = uploadProblem(req, path, slot);
    requests.push({ action: 'cos.put', body: { path, size: bytes.length } });
    if (problem || !slot) {
      violations.push(`cos.put: ${problem}`);
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>${problem}</Message>` +
          '<RequestId>fake</RequestId><TraceId>fake</TraceId></Error>',
      );
      return;
    }
    uploads.delete(path);
    objects.set(path, { fileId: slot.fileId, bytes });
    res.writeHead(200); // COS answers an empty body on success
    res.end();
  }

  function checkSignature(req: http.IncomingMessage, body: Record<string, unknown>): void {
    const auth = req.headers.authorization;
    const m = typeof auth === 'string' ? AUTH.exec(auth) : null;
    if (!m) throw new Violation(`missing or malformed TC3-HMAC-SHA256 authorization: ${String(auth)}`);
    if (m[1] !== secretId) throw new Violation(`authorization names secretId ${m[1]}, expected ${secretId}`);
    const headers: Record<string, string> = {};
    for (const name of m[4].split(';')) {
      const value = req.headers[name];
      if (typeof value !== 'string') throw new Violation(`signed header ${name} missing`);
      headers[name] = value;
    }
    const timestamp = Number(req.headers['x-timestamp']);
    const url = `http://${req.headers.host}${req.url}`;
    const expected = new Signer({ secretId, secretKey }, 'tcb').tc3sign('post', url, headers, body, timestamp, {
      withSignedParams: true,
    });
    if (expected.signature !== m[5]) throw new Violation(`bad signature for ${String(body.action)}`);
  }

  function respond(res: http.ServerResponse, status: number, payload: Record<string, unknown>): void {
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  /** `wx.openApi`: a multipart POST to `/admin` (action, apiName, requestData); the answer is protobuf bytes. */
  function handleOpenApi(req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer): void {
    const fields = multipartFields(bytes, String(req.headers['content-type']));
    const action = fields.get('action')?.toString('utf8') ?? '(none)';
    const apiName = fields.get('apiName')?.toString('utf8') ?? '';
    requests.push({ action, body: { apiName } });
    const problem =
      req.method !== 'POST' || new URL(req.url ?? '/', 'http://fake').pathname !== '/admin'
        ? `${req.method} ${req.url}`
        : action !== 'wx.openApi'
          ? `unexpected multipart action ${action}`
          : !fields.get('requestData')
            ? 'wx.openApi without requestData'
            : null;
    if (problem) {
      violations.push(`${action}: ${problem}`);
      respond(res, 400, { code: 'FAKE_VIOLATION', message: problem });
      return;
    }
    answerOpenApi(wechat, apiName, fields.get('requestData') as Buffer).then(
      (answer) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': answer.length });
        res.end(answer);
      },
      (error: unknown) => {
        violations.push(`wx.openApi: fake server crashed: ${String(error)}`);
        respond(res, 500, { code: 'FAKE_ERROR', message: String(error) });
      },
    );
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/cos/')) return handleCos(req, res, url, bytes);
    if (String(req.headers['content-type']).startsWith('multipart/form-data')) return handleOpenApi(req, res, bytes);
    const raw = bytes.toString('utf8');
    let action = '(none)';
    const run = (): void => {
      try {
        if (req.method !== 'POST' || url.pathname !== '/admin') throw new Violation(`${req.method} ${url.pathname}`);
        if (url.searchParams.get('env') !== env) throw new Violation(`env=${url.searchParams.get('env')}`);
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          throw new Violation('body is not JSON');
        }
        if (!isPlainObject(body)) throw new Violation('body is not an object');
        action = String(body.action);
        requests.push({ action, body });
        checkSignature(req, body);
        if (body.envName !== env) throw new Violation(`envName=${String(body.envName)}`);
        const handler = (handlers as Record<string, (b: Record<string, unknown>) => Record<string, unknown>>)[action];
        if (!handler) throw new Violation(`unexpected action ${action}`);
        respond(res, 200, handler(body));
      } catch (error) {
        if (error instanceof MustWait) {
          waiting.push(run);
        } else if (error instanceof DbError) {
          respond(res, 200, { code: error.code, message: error.message, requestId: requestId() });
        } else if (error instanceof Violation) {
          violations.push(`${action}: ${error.message}`);
          respond(res, 400, { code: 'FAKE_VIOLATION', message: error.message });
        } else {
          violations.push(`${action}: fake server crashed: ${String(error)}`);
          respond(res, 500, { code: 'FAKE_ERROR', message: String(error) });
        }
      }
    };
    run();
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}/admin`,
    env,
    secretId,
    secretKey,
    requests,
    violations,
    data,
    objects,
    wechat,
    reset() {
      wechat.reset();
      requests.length = 0;
      violations.length = 0;
      data.clear();
      objects.clear();
      uploads.clear();
      transactions.clear();
      locks.clear();
      waiting = [];
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
    },
  };
}

/** The named parts of a multipart/form-data body (the SDK's form: action, apiName, requestData…). */
function multipartFields(body: Buffer, contentType: string): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return fields;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(marker);
  while (start >= 0) {
    const headerEnd = body.indexOf('\r\n\r\n', start);
    const next = headerEnd < 0 ? -1 : body.indexOf(marker, headerEnd);
    if (next < 0) break;
    const name = /name="([^"]+)"/.exec(body.subarray(start, headerEnd).toString('utf8'))?.[1];
    if (name) fields.set(name, body.subarray(headerEnd + 4, next - 2));
    start = next;
  }
  return fields;
}

/**
 * The real SDK pointed at the fake. Always with credentials (without them the
 * SDK leaves an unhandled rejection behind, research §4).
 *
 * Two process-wide environment switches, both only about where the SDK runs:
 * - SILENCE=true: no 3 s slow-request timer per database call keeping jest alive;
 * - TENCENTCLOUD=true: off the cloud, the SDK resolves metadata.tencentyun.com
 *   before *every* request (checkIsInternalAsync + getCurrRunEnvTag) and never
 *   caches the failure; 50 concurrent calls left ~100 getaddrinfo requests
 *   that kept the process alive for ~20 s here. With the flag it skips the
 *   lookup; the only visible change is the X-TCB-Source header
 *   (",tencentcloud"), and `serviceUrl` still decides where requests go.
 */
export function connectSdk(fake: FakeTcbServer): tcb.CloudBase {
  process.env.SILENCE = 'true';
  process.env.TENCENTCLOUD = 'true';
  return tcb.init({ env: fake.env, secretId: fake.secretId, secretKey: fake.secretKey, serviceUrl: fake.url });
}
