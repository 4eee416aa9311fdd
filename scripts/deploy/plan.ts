/**
 * The deploy plan: read what the environment holds, compare it with what the
 * repository says (config.ts), and list the steps that close the gap, in
 * order — collections, indexes, security rules, the storage rule, functions
 * with their configuration and timers. Planning only reads, so a refused
 * preflight (a wrong key) changes nothing; applying runs the steps one by one,
 * and a second deploy of the same repository finds nothing to do.
 */
import { createPersonalDataCrypto } from '../../cloudfunctions/_lib/crypto';
import { oneTimeCode } from '../../cloudfunctions/_lib/ids';
import type { Cloud, FunctionCode, RemoteFunction, RemoteIndex } from './cloud';
import {
  codeHash,
  description,
  hashInDescription,
  type CollectionSpec,
  type DesiredState,
  type FunctionSpec,
} from './config';
import { checkKeyFingerprints, PreflightError } from './preflight';

export type Area = 'collection' | 'index' | 'rule' | 'storage' | 'function' | 'trigger';

export interface Step {
  area: Area;
  target: string;
  /** One line for the plan, Chinese. */
  summary: string;
  apply(): Promise<void>;
}

export interface Plan {
  steps: Step[];
  /** Things the deploy cannot change and the operator should know (a function's runtime is fixed at creation). */
  notes: string[];
  /** The one-time bootstrap code for the first city admin, when this deploy issues one (print it once). */
  bootstrap: { code: string; expiresAt: Date } | null;
}

export interface PlanOptions {
  /** The shell's variables (keys, for the fingerprint check and the bootstrap code's hash). */
  shell: NodeJS.ProcessEnv;
  /** Issue a new bootstrap code even though the account function exists (`--bootstrap-code`). */
  newBootstrapCode?: boolean;
  /** Variables to take out of every function (`--remove-variable`, e.g. HQN_DATA_KEYS_OLD after a rotation). */
  removeVariables?: string[];
  now?: Date;
}

/** The function that redeems the bootstrap code (account.redeemInvite) and the variable it reads. */
export const BOOTSTRAP_FUNCTION = 'account';
export const BOOTSTRAP_VARIABLE = 'HQN_BOOTSTRAP_CODE';
export const BOOTSTRAP_HOURS = 72;

/** What the files in a function's directory are: only the bundle goes up, never its sources. */
const CODE_IGNORE = ['src', 'src/**', '*.ts', 'tsconfig.json'];

const sameRecord = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

const triggerKey = (t: { name: string; config: string }): string => `${t.name}\u0000${t.config}`;

export async function planDeploy(cloud: Cloud, desired: DesiredState, options: PlanOptions): Promise<Plan> {
  await cloud.connect();
  const steps: Step[] = [];
  const notes: string[] = [];

  // Functions are read first: their variables carry the keys, and a wrong key must stop the deploy here.
  const remote = new Map<string, RemoteFunction | null>();
  for (const fn of desired.functions) remote.set(fn.name, await cloud.getFunction(fn.name));
  const deployed = [...remote].flatMap(([fn, r]) => (r ? [{ fn, variables: r.variables }] : []));
  const keyProblems = checkKeyFingerprints(options.shell, deployed);
  if (keyProblems.length) throw new PreflightError(keyProblems);

  for (const coll of desired.collections) steps.push(...(await collectionSteps(cloud, coll)));

  steps.push(...(await storageSteps(cloud, desired)));

  const bootstrap = issueBootstrap(desired, remote, options);
  for (const fn of desired.functions) {
    functionSteps(cloud, fn, remote.get(fn.name) ?? null, desired, options, bootstrap, steps, notes);
  }
  return { steps, notes, bootstrap };
}

async function collectionSteps(cloud: Cloud, coll: CollectionSpec): Promise<Step[]> {
  const steps: Step[] = [];
  const exists = await cloud.collectionExists(coll.name);
  if (!exists) {
    steps.push({
      area: 'collection',
      target: coll.name,
      summary: `创建集合 ${coll.name}`,
      apply: () => cloud.createCollection(coll.name),
    });
  }
  steps.push(...indexSteps(cloud, coll, exists ? await cloud.indexes(coll.name) : []));
  const acl = exists ? await cloud.collectionAcl(coll.name) : null;
  if (acl !== coll.acl) {
    steps.push({
      area: 'rule',
      target: coll.name,
      summary: `集合 ${coll.name} 安全规则设为 ${coll.acl}（客户端不可读写，仅云函数访问）`,
      apply: () => cloud.setCollectionAcl(coll.name, coll.acl),
    });
  }
  return steps;
}

function indexSteps(cloud: Cloud, coll: CollectionSpec, have: RemoteIndex[]): Step[] {
  const steps: Step[] = [];
  const byName = new Map(have.map((i) => [i.name, i]));
  const wanted = new Set(coll.indexes.map((i) => i.name));
  // An index under a declared name but over other fields is replaced: dropped, then created.
  const create = coll.indexes.filter((i) => byName.get(i.name)?.fields.join(',') !== i.fields.join(','));
  const drop = have
    .filter((i) => i.name !== '_id_' && (!wanted.has(i.name) || create.some((c) => c.name === i.name)))
    .map((i) => i.name);
  if (drop.length) {
    steps.push({
      area: 'index',
      target: coll.name,
      summary: `集合 ${coll.name} 删除登记表中没有的索引 ${drop.join('、')}`,
      apply: () => cloud.changeIndexes(coll.name, [], drop),
    });
  }
  if (create.length) {
    steps.push({
      area: 'index',
      target: coll.name,
      summary: `集合 ${coll.name} 创建索引 ${create.map((i) => i.name).join('、')}`,
      apply: () => cloud.changeIndexes(coll.name, create, []),
    });
  }
  return steps;
}

/** Key order and spacing do not make a rule different (the console may store it reformatted). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function storageSteps(cloud: Cloud, desired: DesiredState): Promise<Step[]> {
  const storage = await cloud.storageRule();
  if (storage.acl === 'CUSTOM' && canonical(storage.rule) === canonical(desired.storageRule)) return [];
  return [
    {
      area: 'storage',
      target: 'storage',
      summary: `云存储安全规则设为 ${JSON.stringify(desired.storageRule)}`,
      apply: () => cloud.setStorageRule(desired.storageRule),
    },
  ];
}

/** A new code when the account function is first created, or when asked. */
function issueBootstrap(
  desired: DesiredState,
  remote: Map<string, RemoteFunction | null>,
  options: PlanOptions,
): Plan['bootstrap'] {
  if (!desired.functions.some((f) => f.name === BOOTSTRAP_FUNCTION)) return null;
  if (remote.get(BOOTSTRAP_FUNCTION) && !options.newBootstrapCode) return null;
  const now = options.now ?? new Date();
  return { code: oneTimeCode(), expiresAt: new Date(now.getTime() + BOOTSTRAP_HOURS * 3600_000) };
}

/** Merged, never replaced: a variable the shell leaves empty keeps the value the environment holds. */
function mergedVariables(
  fn: FunctionSpec,
  have: RemoteFunction | null,
  options: PlanOptions,
  bootstrap: Plan['bootstrap'],
): Record<string, string> {
  const extra: Record<string, string> = {};
  if (bootstrap && fn.name === BOOTSTRAP_FUNCTION) {
    extra[BOOTSTRAP_VARIABLE] = bootstrapVariable(options.shell, bootstrap.code, bootstrap.expiresAt);
  }
  const variables: Record<string, string> = { ...(have?.variables ?? {}), ...fn.variables, ...extra };
  for (const name of options.removeVariables ?? []) delete variables[name];
  return variables;
}

function functionSteps(
  cloud: Cloud,
  fn: FunctionSpec,
  have: RemoteFunction | null,
  desired: DesiredState,
  options: PlanOptions,
  bootstrap: Plan['bootstrap'],
  steps: Step[],
  notes: string[],
): void {
  const variables = mergedVariables(fn, have, options, bootstrap);
  const hash = codeHash(desired.functionRoot, fn.name);
  const code: FunctionCode = { root: desired.functionRoot, ignore: CODE_IGNORE, description: description(hash) };
  if (!have) {
    steps.push({
      area: 'function',
      target: fn.name,
      summary:
        `创建云函数 ${fn.name}（${fn.runtime}，超时 ${fn.timeout} 秒，内存 ${fn.memorySize} MB，` +
        `环境变量 ${Object.keys(variables).sort().join('、') || '无'}` +
        `${fn.triggers.length ? `，定时触发器 ${fn.triggers.map((t) => t.name).join('、')}` : ''}）`,
      apply: () => cloud.createFunction(fn, variables, code),
    });
    return;
  }
  if (have.runtime !== fn.runtime) {
    notes.push(
      `云函数 ${fn.name} 的运行环境是 ${have.runtime}，配置为 ${fn.runtime}；运行环境只能在创建时指定，` +
        `如需更换请在控制台删除该函数后重新部署 / runtime is fixed at creation`,
    );
  }
  if (hashInDescription(have.description) !== hash) {
    steps.push({
      area: 'function',
      target: fn.name,
      summary: `更新云函数 ${fn.name} 的代码（sha256:${hash}）`,
      apply: () => cloud.updateFunctionCode(fn, code),
    });
  }
  configSteps(cloud, fn, have, variables, code.description, steps);
  triggerSteps(cloud, fn, have, steps);
}

function configSteps(
  cloud: Cloud,
  fn: FunctionSpec,
  have: RemoteFunction,
  variables: Record<string, string>,
  wantedDescription: string,
  steps: Step[],
): void {
  const changed: string[] = [];
  if (have.timeout !== fn.timeout) changed.push(`超时 ${have.timeout} → ${fn.timeout} 秒`);
  if (have.memorySize !== fn.memorySize) changed.push(`内存 ${have.memorySize} → ${fn.memorySize} MB`);
  if (!sameRecord(have.variables, variables)) {
    const names = new Set([...Object.keys(have.variables), ...Object.keys(variables)]);
    const differing = [...names].filter((k) => have.variables[k] !== variables[k]).sort();
    changed.push(`环境变量 ${differing.join('、')}`); // names only: values are keys
  }
  if (have.description !== wantedDescription) changed.push('代码指纹');
  if (!changed.length) return;
  steps.push({
    area: 'function',
    target: fn.name,
    summary: `更新云函数 ${fn.name} 的配置：${changed.join('；')}`,
    apply: () => cloud.updateFunctionConfig(fn, variables, wantedDescription),
  });
}

function triggerSteps(cloud: Cloud, fn: FunctionSpec, have: RemoteFunction, steps: Step[]): void {
  const wanted = new Set(fn.triggers.map(triggerKey));
  const present = new Set(have.triggers.map(triggerKey));
  const stale = have.triggers.filter((t) => !wanted.has(triggerKey(t)));
  const missing = fn.triggers.filter((t) => !present.has(triggerKey(t)));
  for (const t of stale) {
    steps.push({
      area: 'trigger',
      target: `${fn.name}.${t.name}`,
      summary: `删除云函数 ${fn.name} 的定时触发器 ${t.name}（${t.config}）`,
      apply: () => cloud.deleteTrigger(fn.name, t.name),
    });
  }
  if (missing.length) {
    steps.push({
      area: 'trigger',
      target: fn.name,
      summary: `创建云函数 ${fn.name} 的定时触发器 ${missing.map((t) => `${t.name}（${t.config}）`).join('、')}`,
      apply: () => cloud.createTriggers(fn.name, missing),
    });
  }
}

/**
 * `<keyed hash of the code>@<expiry ISO>`: the code itself rests nowhere. The
 * account function redeems it once (cloudfunctions/account/src/bootstrap.ts).
 */
export function bootstrapVariable(shell: NodeJS.ProcessEnv, code: string, expiresAt: Date): string {
  const crypto = createPersonalDataCrypto({
    dataKey: (shell.HQN_DATA_KEY ?? '').trim(),
    hashKey: (shell.HQN_HASH_KEY ?? '').trim(),
    previousDataKeys: [],
  });
  return `${crypto.hash(`bootstrap:${code}`)}@${expiresAt.toISOString()}`;
}

export async function applyPlan(plan: Plan, log: (line: string) => void = console.log): Promise<void> {
  for (const [i, step] of plan.steps.entries()) {
    log(`[${i + 1}/${plan.steps.length}] ${step.summary}`);
    await step.apply();
  }
}

export function describePlan(plan: Plan): string {
  const lines = plan.steps.length
    ? plan.steps.map((s, i) => `${i + 1}. ${s.summary}`)
    : ['环境已与仓库一致，无需变更 / the environment already matches the repository'];
  for (const note of plan.notes) lines.push(`注意：${note}`);
  return lines.join('\n');
}
