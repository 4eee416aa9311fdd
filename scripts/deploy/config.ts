/**
 * What the repository says the environment must look like: the collections,
 * their indexes and security rules (from the collection registry), the
 * cloud-storage rule (`cloudbase/storage.rules.json`) and every function with
 * its runtime, timeout, memory, variables and timers (`cloudbaserc.json`).
 * `scripts/deploy/plan.ts` compares this with what the environment holds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRY, indexFields, type Declaration } from '../../cloudfunctions/_lib/collections';

export const ROOT = join(__dirname, '../..');

/** One index as the management API names and describes it. */
export interface IndexSpec {
  name: string;
  fields: string[];
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  /** `ADMINONLY`: clients neither read nor write (`rule: 'closed'` in the registry). */
  acl: 'ADMINONLY';
}

export interface TriggerSpec {
  name: string;
  type: 'timer';
  /** Seven-field cron, China time (CloudBase runs timers in UTC+8). */
  config: string;
}

export interface FunctionSpec {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  handler: string;
  /** Variables the function needs; empty values are never sent (see `renderVariables`). */
  variables: Record<string, string>;
  triggers: TriggerSpec[];
}

/** A storage rule as `storage.setStorageAcl('CUSTOM', rule)` takes it. */
export type StorageRule = Record<string, unknown>;

export interface DesiredState {
  collections: CollectionSpec[];
  storageRule: StorageRule;
  functions: FunctionSpec[];
  /** Where each function's built directory is (`<functionRoot>/<name>/index.js`). */
  functionRoot: string;
}

/** MongoDB's default index name (`level_1_districtId_1`), so an index made in the console is the same one. */
export function indexName(fields: readonly string[]): string {
  return fields.map((f) => `${f}_1`).join('_');
}

export function collectionSpecs(registry: readonly Declaration[] = REGISTRY): CollectionSpec[] {
  return registry.map((d) => ({
    name: d.name,
    indexes: d.indexes.map((i) => ({ name: indexName(indexFields(i)), fields: [...indexFields(i)] })),
    acl: 'ADMINONLY',
  }));
}

export const STORAGE_RULES = join(ROOT, 'cloudbase/storage.rules.json');

export function storageRule(path = STORAGE_RULES): StorageRule {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const { $comment: _comment, ...rule } = parsed;
  return rule;
}

interface RcFunction {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  handler?: string;
  envVariables?: Record<string, string>;
  triggers?: TriggerSpec[];
}

interface Rc {
  envId: string;
  functionRoot: string;
  functions: RcFunction[];
}

export const CLOUDBASERC = join(ROOT, 'cloudbaserc.json');

export function readRc(path = CLOUDBASERC): Rc {
  return JSON.parse(readFileSync(path, 'utf8')) as Rc;
}

const TEMPLATE = /^\{\{\s*env\.([A-Z0-9_]+)\s*\}\}$/;

/** The environment variable a cloudbaserc value names (`{{env.HQN_DATA_KEY}}`), or null for a literal. */
export function templateVariable(value: string): string | null {
  return TEMPLATE.exec(value)?.[1] ?? null;
}

/** Every shell variable the functions' configuration names. */
export function templatedVariables(rc: Rc = readRc()): string[] {
  const names = new Set<string>();
  for (const fn of rc.functions) {
    for (const value of Object.values(fn.envVariables ?? {})) {
      const name = templateVariable(value);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/**
 * The variables to send for one function: each `{{env.X}}` taken from the
 * shell. An unset or empty value is left out — never sent as "" — so the
 * value the environment holds stays (the merge is in plan.ts); preflight has
 * already refused a missing required variable.
 */
export function renderVariables(fn: RcFunction, shell: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fn.envVariables ?? {})) {
    const name = templateVariable(value);
    const rendered = name ? (shell[name] ?? '').trim() : value;
    if (rendered !== '') out[key] = rendered;
  }
  return out;
}

export function functionSpecs(rc: Rc, shell: NodeJS.ProcessEnv): FunctionSpec[] {
  return rc.functions.map((fn) => ({
    name: fn.name,
    runtime: fn.runtime,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    handler: fn.handler ?? 'index.main',
    variables: renderVariables(fn, shell),
    triggers: (fn.triggers ?? []).map((t) => ({ name: t.name, type: t.type, config: t.config })),
  }));
}

export function desiredState(
  shell: NodeJS.ProcessEnv,
  options: { rc?: Rc; functionRoot?: string; storageRulesPath?: string } = {},
): DesiredState {
  const rc = options.rc ?? readRc();
  return {
    collections: collectionSpecs(),
    storageRule: storageRule(options.storageRulesPath),
    functions: functionSpecs(rc, shell),
    functionRoot: options.functionRoot ?? join(ROOT, rc.functionRoot),
  };
}

/** The bundle's fingerprint, kept in the function's description so a deploy knows whether the code changed. */
export function codeHash(functionRoot: string, name: string): string {
  const file = join(functionRoot, name, 'index.js');
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

export function description(hash: string): string {
  return `好青年选培 code sha256:${hash}`;
}

export function hashInDescription(text: string | undefined): string | null {
  return /code sha256:([0-9a-f]{16})/.exec(text ?? '')?.[1] ?? null;
}
