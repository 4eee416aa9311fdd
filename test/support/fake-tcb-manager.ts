/**
 * The management side of the fake CloudBase server: the Tencent Cloud API
 * actions @cloudbase/manager-node sends for a deploy and for backups, as
 * signed JSON POSTs (`X-TC-Action`, TC3-HMAC-SHA256). `tcb` actions arrive
 * on `/tcb` (TCB_BASE_URL), `scf` actions on `/scf` (HQN_SCF_BASE_URL, see
 * scripts/deploy/cloud.ts). It keeps the environment's collections, indexes,
 * rules, storage rule and functions, records every action in `calls`, and
 * answers anything unexpected with an error recorded in `violations`.
 *
 * Mounted by fake-tcb-server.ts (collections live beside the database data,
 * so a deployed collection is the one the node-sdk then writes to).
 */
import { createHash, createHmac } from 'node:crypto';
import type * as http from 'node:http';
import JSZip from 'jszip';

export interface ManagedFunction {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  handler: string;
  description: string;
  variables: Record<string, string>;
  triggers: Array<{ name: string; type: string; config: string }>;
  /** Files in the uploaded zip, and the zip's size. */
  files: string[];
  zipBytes: number;
  status: string;
  /** GetFunction answers with the status "Creating"/"Updating" this many times before "Active". */
  pendingPolls: number;
}

export interface ManagedCall {
  service: 'tcb' | 'scf';
  action: string;
  params: Record<string, unknown>;
}

export interface FakeManager {
  readonly calls: ManagedCall[];
  readonly violations: string[];
  /** Collection name → index name → fields. */
  readonly indexes: Map<string, Map<string, string[]>>;
  readonly acl: Map<string, string>;
  storageRule: { acl: string; rule: string | null };
  readonly functions: Map<string, ManagedFunction>;
  readonly exports: Map<string, { collection: string; path: string; status: string }>;
  /** Runtimes CreateFunction refuses (InvalidParameterValue.Runtime), as some environments did with Nodejs24.11. */
  readonly refusedRuntimes: Set<string>;
  reset(): void;
  handle(req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer, service: 'tcb' | 'scf'): void;
}

export interface FakeManagerHooks {
  env: string;
  secretId: string;
  secretKey: string;
  /** The database's collections (shared with the node-sdk side). */
  data: Map<string, Map<string, Record<string, unknown> & { _id: string }>>;
  /** Stored objects by cloud path (exports land here). */
  objects: Map<string, { fileId: string; bytes: Buffer }>;
}

const VERSIONS = { tcb: '2018-06-08', scf: '2018-04-16' } as const;
const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/(tcb|scf)\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/;
const INSTANCE = 'tnt-fakeinstance';
const BUCKET = '6861-fake-1250000000';

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Something manager-node should never send: recorded and answered with an error. */
class Violation extends ApiError {
  constructor(message: string) {
    super('FakeViolation', message);
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

export function createFakeManager(hooks: FakeManagerHooks): FakeManager {
  const calls: ManagedCall[] = [];
  const violations: string[] = [];
  const indexes = new Map<string, Map<string, string[]>>();
  const acl = new Map<string, string>();
  const functions = new Map<string, ManagedFunction>();
  const exports = new Map<string, { collection: string; path: string; status: string }>();
  let counter = 0;
  const refusedRuntimes = new Set<string>();
  const state: FakeManager = {
    refusedRuntimes,
    calls,
    violations,
    indexes,
    acl,
    storageRule: { acl: 'PRIVATE', rule: null },
    functions,
    exports,
    reset() {
      calls.length = 0;
      violations.length = 0;
      indexes.clear();
      acl.clear();
      functions.clear();
      exports.clear();
      refusedRuntimes.clear();
      state.storageRule = { acl: 'PRIVATE', rule: null };
    },
    handle,
  };

  function verify(req: http.IncomingMessage, raw: string, service: 'tcb' | 'scf', action: string): void {
    const h = req.headers;
    if (req.method !== 'POST') throw new Violation(`${req.method} ${service}`);
    if (h['x-tc-version'] !== VERSIONS[service]) throw new Violation(`${action}: version ${String(h['x-tc-version'])}`);
    const m = AUTH.exec(String(h.authorization));
    if (!m) throw new Violation(`${action}: malformed authorization ${String(h.authorization)}`);
    if (m[1] !== hooks.secretId) throw new Violation(`${action}: signed by ${m[1]}`);
    if (m[3] !== service) throw new Violation(`${action}: signed for service ${m[3]} on /${service}`);
    const timestamp = String(h['x-tc-timestamp']);
    const url = new URL(req.url ?? '/', `http://${String(h.host)}`);
    const canonical = [
      'POST',
      url.pathname,
      url.search.slice(1),
      `content-type:${String(h['content-type'])}\nhost:${url.hostname}\n`,
      'content-type;host',
      sha256(raw),
    ].join('\n');
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${m[2]}/${service}/tc3_request\n${sha256(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${hooks.secretKey}`, m[2]), service), 'tc3_request');
    if (createHmac('sha256', key).update(toSign).digest('hex') !== m[4])
      throw new Violation(`${action}: bad signature`);
  }

  const str = (p: Record<string, unknown>, key: string): string => {
    const v = p[key];
    if (typeof v !== 'string' || v === '') throw new Violation(`${key} must be a non-empty string`);
    return v;
  };

  function envParam(p: Record<string, unknown>, key = 'EnvId'): void {
    if (p[key] !== hooks.env) throw new Violation(`${key}=${String(p[key])}, expected ${hooks.env}`);
  }

  function table(p: Record<string, unknown>): string {
    envParam(p);
    const c = p.MongoConnector as { DatabaseName?: string; InstanceId?: string } | undefined;
    if (c?.DatabaseName !== INSTANCE || c.InstanceId !== 'flexdb') throw new Violation('bad MongoConnector');
    return str(p, 'TableName');
  }

  const exists = (name: string): boolean => hooks.data.has(name);

  function fn(p: Record<string, unknown>): ManagedFunction {
    if (p.Namespace !== hooks.env) throw new Violation(`Namespace=${String(p.Namespace)}`);
    const found = functions.get(str(p, 'FunctionName'));
    if (!found) throw new ApiError('ResourceNotFound.Function', `function ${String(p.FunctionName)} not found`);
    return found;
  }

  async function unzip(code: unknown): Promise<{ files: string[]; zipBytes: number }> {
    const zipFile = (code as { ZipFile?: unknown } | undefined)?.ZipFile;
    if (typeof zipFile !== 'string') throw new Violation('Code.ZipFile missing (expected a direct zip upload)');
    const bytes = Buffer.from(zipFile, 'base64');
    if (bytes.length > 1.5 * 1024 * 1024) throw new ApiError('InvalidParameterValue.ZipFile', 'zip over 1.5 MB');
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
    if (!files.includes('index.js')) throw new Violation('the zip has no index.js at its root');
    return { files, zipBytes: bytes.length };
  }

  const variablesOf = (p: Record<string, unknown>): Record<string, string> | undefined => {
    const env = p.Environment as { Variables?: Array<{ Key: string; Value: string }> } | undefined;
    if (!env) return undefined;
    for (const v of env.Variables ?? []) if (v.Value === '') throw new Violation(`empty value for ${v.Key}`);
    return Object.fromEntries((env.Variables ?? []).map((v) => [v.Key, v.Value]));
  };

  function triggersOf(p: Record<string, unknown>): ManagedFunction['triggers'] {
    const list = JSON.parse(str(p, 'Triggers')) as Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
    if (list.length !== p.Count) throw new Violation('Count differs from Triggers');
    return list.map((t) => {
      if (t.Type !== 'timer' || !/^(\S+ ){6}\S+$/.test(t.TriggerDesc))
        throw new Violation(`bad trigger ${t.TriggerDesc}`);
      return { name: t.TriggerName, type: t.Type, config: t.TriggerDesc };
    });
  }

  const actions: Record<
    string,
    (p: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>
  > = {
    'tcb:DescribeEnvInfo': (p) => {
      envParam(p);
      return {
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: hooks.env,
            Alias: 'fake',
            Status: 'NORMAL',
            Databases: [{ InstanceId: INSTANCE, Region: 'ap-shanghai', Status: 'RUNNING' }],
            Storages: [{ Region: 'ap-shanghai', Bucket: BUCKET, CdnDomain: 'fake.tcb.qcloud.la', AppId: '1250000000' }],
            Functions: [{ Namespace: hooks.env, Region: 'ap-shanghai' }],
            LogServices: [],
          },
          UserInfo: { AppId: '1250000000' },
        },
      };
    },
    'tcb:DescribeTable': (p) => {
      const name = table(p);
      if (!exists(name)) throw new ApiError('ResourceNotFound', `table ${name} does not exist`);
      const list = [...(indexes.get(name) ?? new Map<string, string[]>())];
      return {
        Indexes: [
          { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
          ...list.map(([n, fields]) => ({
            Name: n,
            Keys: fields.map((f) => ({ Name: f, Direction: '1' })),
            Unique: false,
          })),
        ],
        IndexNum: list.length + 1,
      };
    },
    'tcb:CreateTable': (p) => {
      const name = table(p);
      if (exists(name)) throw new ApiError('ResourceInUse', `table ${name} exists`);
      hooks.data.set(name, new Map());
      return {};
    },
    'tcb:UpdateTable': (p) => {
      const name = table(p);
      if (!exists(name)) throw new ApiError('ResourceNotFound', `table ${name} does not exist`);
      const mine = indexes.get(name) ?? new Map<string, string[]>();
      indexes.set(name, mine);
      for (const d of (p.DropIndexes as Array<{ IndexName: string }> | undefined) ?? []) {
        if (!mine.delete(d.IndexName)) throw new ApiError('ResourceNotFound', `index ${d.IndexName} not found`);
      }
      const create = (p.CreateIndexes as Array<Record<string, unknown>> | undefined) ?? [];
      if (!create.length && !(p.DropIndexes as unknown[] | undefined)?.length)
        throw new Violation('UpdateTable with nothing to do');
      for (const c of create) {
        const schema = c.MgoKeySchema as {
          MgoIsUnique: boolean;
          MgoIndexKeys: Array<{ Name: string; Direction: string }>;
        };
        const fields = schema.MgoIndexKeys.map((k) => {
          if (k.Direction !== '1') throw new Violation(`direction ${k.Direction}`);
          return k.Name;
        });
        const name2 = str(c, 'IndexName');
        if (mine.has(name2)) throw new ApiError('ResourceInUse', `index ${name2} exists`);
        if (name2 !== fields.map((f) => `${f}_1`).join('_'))
          throw new Violation(`index name ${name2} for ${fields.join(',')}`);
        mine.set(name2, fields);
      }
      return {};
    },
    'tcb:DescribeDatabaseACL': (p) => {
      envParam(p);
      const name = str(p, 'CollectionName');
      if (!exists(name)) throw new ApiError('ResourceNotFound', `collection ${name} does not exist`);
      return { AclTag: acl.get(name) ?? 'PRIVATE' };
    },
    'tcb:ModifyDatabaseACL': (p) => {
      envParam(p);
      const name = str(p, 'CollectionName');
      if (!exists(name)) throw new ApiError('ResourceNotFound', `collection ${name} does not exist`);
      const tag = str(p, 'AclTag');
      if (!['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'].includes(tag)) throw new Violation(`AclTag ${tag}`);
      acl.set(name, tag);
      return {};
    },
    'tcb:DescribeStorageSafeRule': (p) => {
      envParam(p);
      if (p.Bucket !== BUCKET) throw new Violation(`Bucket ${String(p.Bucket)}`);
      return { AclTag: state.storageRule.acl, Rule: state.storageRule.rule ?? undefined };
    },
    'tcb:ModifyStorageSafeRule': (p) => {
      envParam(p);
      if (p.Bucket !== BUCKET) throw new Violation(`Bucket ${String(p.Bucket)}`);
      const tag = str(p, 'AclTag');
      if (tag === 'CUSTOM') JSON.parse(str(p, 'Rule'));
      state.storageRule = { acl: tag, rule: tag === 'CUSTOM' ? (p.Rule as string) : null };
      return {};
    },
    'tcb:DatabaseMigrateExport': (p) => {
      envParam(p);
      const name = str(p, 'CollectionName');
      if (!exists(name)) throw new ApiError('ResourceNotFound', `collection ${name} does not exist`);
      const path = str(p, 'FilePath');
      if (p.FileType !== 'json') throw new Violation(`FileType ${String(p.FileType)}`);
      const rows = [...(hooks.data.get(name) ?? new Map()).values()];
      hooks.objects.set(path, {
        fileId: `cloud://${hooks.env}.${BUCKET}/${path}`,
        bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')),
      });
      const jobId = ++counter;
      exports.set(String(jobId), { collection: name, path, status: 'success' });
      return { JobId: jobId };
    },
    'tcb:DatabaseMigrateQueryInfo': (p) => {
      envParam(p);
      const job = exports.get(String(p.JobId));
      if (!job) throw new ApiError('ResourceNotFound', `job ${String(p.JobId)}`);
      const count = hooks.data.get(job.collection)?.size ?? 0;
      return {
        Status: job.status,
        RecordSuccess: count,
        RecordFail: 0,
        ErrorMsg: '',
        FileUrl: `https://fake/${job.path}`,
      };
    },
    'scf:GetFunction': (p) => {
      const f = fn(p);
      if (f.pendingPolls > 0) f.pendingPolls -= 1;
      else f.status = 'Active';
      return {
        FunctionName: f.name,
        Runtime: f.runtime,
        Timeout: f.timeout,
        MemorySize: f.memorySize,
        Handler: f.handler,
        Description: f.description,
        Status: f.status,
        Environment: { Variables: Object.entries(f.variables).map(([Key, Value]) => ({ Key, Value })) },
        Triggers: f.triggers.map((t) => ({
          TriggerName: t.name,
          Type: t.type,
          TriggerDesc: JSON.stringify({ cron: t.config }),
        })),
      };
    },
    'scf:CreateFunction': async (p) => {
      if (p.Namespace !== hooks.env) throw new Violation(`Namespace=${String(p.Namespace)}`);
      const name = str(p, 'FunctionName');
      if (functions.has(name)) throw new ApiError('ResourceInUse.Function', `function ${name} exists`);
      if (refusedRuntimes.has(String(p.Runtime))) {
        throw new ApiError('InvalidParameterValue.Runtime', `Runtime ${String(p.Runtime)} is not supported`);
      }
      if (p.InstallDependency !== 'FALSE')
        throw new Violation('InstallDependency must be FALSE: the bundle has no node_modules');
      const { files, zipBytes } = await unzip(p.Code);
      functions.set(name, {
        name,
        runtime: str(p, 'Runtime'),
        timeout: Number(p.Timeout),
        memorySize: Number(p.MemorySize),
        handler: str(p, 'Handler'),
        description: typeof p.Description === 'string' ? p.Description : '',
        variables: variablesOf(p) ?? {},
        triggers: [],
        files,
        zipBytes,
        status: 'Creating',
        pendingPolls: 1,
      });
      return {};
    },
    'scf:UpdateFunctionCode': async (p) => {
      const f = fn(p);
      if (f.status !== 'Active') throw new ApiError('FailedOperation', `function ${f.name} is ${f.status}`);
      Object.assign(f, await unzip(p.Code), { status: 'Updating', pendingPolls: 1 });
      return {};
    },
    'scf:UpdateFunctionConfiguration': (p) => {
      const f = fn(p);
      if (f.status !== 'Active') throw new ApiError('FailedOperation', `function ${f.name} is ${f.status}`);
      if ('Runtime' in p) throw new Violation('Runtime cannot be updated');
      if (p.Timeout !== undefined) f.timeout = Number(p.Timeout);
      if (p.MemorySize !== undefined) f.memorySize = Number(p.MemorySize);
      if (typeof p.Description === 'string') f.description = p.Description;
      const vars = variablesOf(p);
      if (vars) f.variables = vars; // replaced whole, as SCF does
      f.status = 'Updating';
      f.pendingPolls = 1;
      return {};
    },
    'scf:BatchCreateTrigger': (p) => {
      const f = fn(p);
      for (const t of triggersOf(p)) {
        if (f.triggers.some((x) => x.name === t.name)) throw new ApiError('ResourceInUse.Trigger', `trigger ${t.name}`);
        f.triggers.push(t);
      }
      return {};
    },
    'scf:DeleteTrigger': (p) => {
      const f = fn(p);
      const name = str(p, 'TriggerName');
      if (!f.triggers.some((t) => t.name === name)) throw new ApiError('ResourceNotFound.Trigger', `trigger ${name}`);
      f.triggers = f.triggers.filter((t) => t.name !== name);
      return {};
    },
  };

  function handle(req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer, service: 'tcb' | 'scf'): void {
    const action = String(req.headers['x-tc-action']);
    const raw = bytes.toString('utf8');
    const reply = (payload: Record<string, unknown>): void => {
      const text = JSON.stringify({ Response: { ...payload, RequestId: `fake-m-${++counter}` } });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    };
    void (async () => {
      try {
        const params = JSON.parse(raw) as Record<string, unknown>;
        calls.push({ service, action, params });
        verify(req, raw, service, action);
        const handler = actions[`${service}:${action}`];
        if (!handler) throw new Violation(`unexpected ${service} action ${action}`);
        reply(await handler(params));
      } catch (error) {
        const e = error instanceof ApiError ? error : new Violation(`crashed: ${String(error)}`);
        if (e instanceof Violation) violations.push(`${service}:${action}: ${e.message}`);
        reply({ Error: { Code: e.code, Message: e.message } });
      }
    })();
  }

  return state;
}
