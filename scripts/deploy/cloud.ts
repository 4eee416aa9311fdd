/**
 * The deploy's port onto one CloudBase environment, and its adapter over
 * @cloudbase/manager-node (research/cloudbase-production.md). Every `tcb`
 * action goes to `TCB_BASE_URL` when it is set (manager-node honours it);
 * the `scf` host is hard-coded in manager-node, so this adapter points its
 * function service at `HQN_SCF_BASE_URL` when that is set — the tests run the
 * whole deploy against a loopback server that way. Neither variable is set
 * in production.
 */
import type { FunctionSpec, IndexSpec, StorageRule, TriggerSpec } from './config';

export interface RemoteIndex {
  name: string;
  fields: string[];
}

export interface RemoteFunction {
  runtime: string;
  timeout: number;
  memorySize: number;
  description: string;
  variables: Record<string, string>;
  triggers: TriggerSpec[];
}

/** The code to upload: the built directory and what to leave out of the zip. */
export interface FunctionCode {
  root: string;
  ignore: string[];
  description: string;
}

export interface Cloud {
  /** Fails when the environment does not exist or the key cannot reach it (DescribeEnvInfo). */
  connect(): Promise<void>;
  collectionExists(name: string): Promise<boolean>;
  createCollection(name: string): Promise<void>;
  indexes(collection: string): Promise<RemoteIndex[]>;
  changeIndexes(collection: string, create: IndexSpec[], drop: string[]): Promise<void>;
  collectionAcl(collection: string): Promise<string | null>;
  setCollectionAcl(collection: string, acl: string): Promise<void>;
  storageRule(): Promise<{ acl: string; rule: StorageRule | null }>;
  setStorageRule(rule: StorageRule): Promise<void>;
  getFunction(name: string): Promise<RemoteFunction | null>;
  createFunction(fn: FunctionSpec, variables: Record<string, string>, code: FunctionCode): Promise<void>;
  updateFunctionCode(fn: FunctionSpec, code: FunctionCode): Promise<void>;
  updateFunctionConfig(fn: FunctionSpec, variables: Record<string, string>, description: string): Promise<void>;
  deleteTrigger(fn: string, trigger: string): Promise<void>;
  createTriggers(fn: string, triggers: TriggerSpec[]): Promise<void>;
}

/* ------------------------------------------------ manager-node adapter */

interface ManagerError {
  code?: string;
  message?: string;
}

interface ScfFunction {
  Runtime?: string;
  Timeout?: number;
  MemorySize?: number;
  Description?: string;
  Status?: string;
  Environment?: { Variables?: Array<{ Key: string; Value: string }> };
  Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc?: string }>;
}

/** The slice of manager-node's CloudBase this adapter uses. */
interface Manager {
  env: { getEnvInfo(): Promise<unknown> };
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollection(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name: string }> }> }>;
    updateCollection(name: string, info: Record<string, unknown>): Promise<unknown>;
  };
  storage: {
    getStorageAcl(options: { withRule: true }): Promise<{ acl: string; rule?: StorageRule }>;
    setStorageAcl(acl: string, rule: StorageRule): Promise<unknown>;
  };
  functions: {
    getFunctionDetail(name: string): Promise<ScfFunction>;
    createFunction(param: Record<string, unknown>): Promise<unknown>;
    updateFunctionCode(param: Record<string, unknown>): Promise<unknown>;
    updateFunctionConfig(func: Record<string, unknown>): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: TriggerSpec[]): Promise<unknown>;
    deleteFunctionTrigger(name: string, trigger: string): Promise<unknown>;
    waitFunctionActive(name: string): Promise<void>;
    scfService: object;
  };
  commonService(service?: string, version?: string): { call(o: { Action: string; Param: object }): Promise<unknown> };
}

export interface ManagerOptions {
  envId: string;
  secretId: string;
  secretKey: string;
  /** How often to ask whether a function finished creating or updating (manager-node: 1 s). */
  pollMs?: number;
}

const isNotFound = (error: unknown): boolean => /^ResourceNotFound/.test((error as ManagerError)?.code ?? '');

/** A timer's TriggerDesc as SCF reports it (`{"cron":"…"}`) or as it was sent (the cron itself). */
function cronOf(desc: string | undefined): string {
  try {
    const parsed = JSON.parse(desc ?? '') as { cron?: string };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // a plain cron expression
  }
  return desc ?? '';
}

export function createManagerCloud(options: ManagerOptions): Cloud {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as new (config: Record<string, unknown>) => Manager;
  const app = new CloudBase({ envId: options.envId, secretId: options.secretId, secretKey: options.secretKey });
  const functions = app.functions;
  const scfUrl = process.env.HQN_SCF_BASE_URL;
  if (scfUrl) Object.defineProperty(functions.scfService, 'baseUrl', { get: () => scfUrl });
  const pollMs = options.pollMs ?? 1000;
  // manager-node's own wait polls once a second for up to five minutes; the same requests, at our pace.
  functions.waitFunctionActive = async (name: string) => {
    for (let waited = 0; waited < 300_000; waited += pollMs) {
      const { Status } = await functions.getFunctionDetail(name);
      if (Status === 'Active') return;
      if (Status && /Failed$/.test(Status))
        throw new Error(`云函数 ${name} 状态 ${Status} / function ${name} is ${Status}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new Error(`云函数 ${name} 长时间未就绪 / function ${name} did not become active`);
  };
  const tcb = app.commonService('tcb', '2018-06-08');

  const funcConfig = (fn: FunctionSpec, variables: Record<string, string>, description: string) => ({
    name: fn.name,
    runtime: fn.runtime,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    handler: fn.handler,
    description,
    installDependency: false,
    envVariables: variables,
  });

  return {
    async connect() {
      await app.env.getEnvInfo();
    },
    async collectionExists(name) {
      return (await app.database.checkCollectionExists(name)).Exists;
    },
    async createCollection(name) {
      await app.database.createCollection(name);
    },
    async indexes(collection) {
      const { Indexes = [] } = await app.database.describeCollection(collection);
      return Indexes.map((i) => ({ name: i.Name, fields: (i.Keys ?? []).map((k) => k.Name) }));
    },
    async changeIndexes(collection, create, drop) {
      await app.database.updateCollection(collection, {
        ...(create.length && {
          CreateIndexes: create.map((i) => ({
            IndexName: i.name,
            MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: i.fields.map((f) => ({ Name: f, Direction: '1' })) },
          })),
        }),
        ...(drop.length && { DropIndexes: drop.map((IndexName) => ({ IndexName })) }),
      });
    },
    async collectionAcl(collection) {
      const res = (await tcb.call({
        Action: 'DescribeDatabaseACL',
        Param: { EnvId: options.envId, CollectionName: collection },
      })) as { AclTag?: string };
      return res.AclTag ?? null;
    },
    async setCollectionAcl(collection, acl) {
      await tcb.call({
        Action: 'ModifyDatabaseACL',
        Param: { EnvId: options.envId, CollectionName: collection, AclTag: acl },
      });
    },
    async storageRule() {
      const res = await app.storage.getStorageAcl({ withRule: true });
      return { acl: res.acl, rule: res.rule ?? null };
    },
    async setStorageRule(rule) {
      await app.storage.setStorageAcl('CUSTOM', rule);
    },
    async getFunction(name) {
      let fn: ScfFunction;
      try {
        fn = await functions.getFunctionDetail(name);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      return {
        runtime: fn.Runtime ?? '',
        timeout: fn.Timeout ?? 0,
        memorySize: fn.MemorySize ?? 0,
        description: fn.Description ?? '',
        variables: Object.fromEntries((fn.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (fn.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t) => ({ name: t.TriggerName, type: 'timer' as const, config: cronOf(t.TriggerDesc) })),
      };
    },
    async createFunction(fn, variables, code) {
      try {
        await functions.createFunction({
          func: { ...funcConfig(fn, variables, code.description), ignore: code.ignore, triggers: fn.triggers },
          functionRootPath: code.root,
          deployMode: 'zip',
        });
      } catch (error) {
        const e = error as ManagerError;
        if (!/Runtime/i.test(`${e.code ?? ''} ${e.message ?? ''}`)) throw error;
        throw new Error(
          `云函数 ${fn.name} 的运行环境 ${fn.runtime} 未被该环境接受：请把 cloudbaserc.json 中的 runtime 改为 Nodejs20.19 后重新部署 / ` +
            `the environment refused runtime ${fn.runtime}: set runtime to Nodejs20.19 in cloudbaserc.json and deploy again ` +
            `(${e.code ?? ''} ${e.message ?? ''})`,
        );
      }
    },
    async updateFunctionCode(fn, code) {
      await functions.updateFunctionCode({
        func: {
          name: fn.name,
          runtime: fn.runtime,
          handler: fn.handler,
          installDependency: false,
          ignore: code.ignore,
        },
        functionRootPath: code.root,
        deployMode: 'zip',
      });
      await functions.waitFunctionActive(fn.name);
    },
    async updateFunctionConfig(fn, variables, description) {
      // Without triggers: manager-node would create them here and swallow a failure; plan.ts manages them.
      await functions.updateFunctionConfig(funcConfig(fn, variables, description));
      await functions.waitFunctionActive(fn.name);
    },
    async deleteTrigger(fn, trigger) {
      await functions.deleteFunctionTrigger(fn, trigger);
    },
    async createTriggers(fn, triggers) {
      await functions.createFunctionTriggers(fn, triggers);
    },
  };
}
