/**
 * `npm run deploy` against the fake CloudBase management API, through the real
 * @cloudbase/manager-node: a first deploy sends exactly the expected actions,
 * a second changes nothing, a changed index or bundle is applied, variables
 * are merged (never emptied), and a wrong key stops everything before the
 * first change. Preflight is tested on its own below.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY } from '../../cloudfunctions/_lib/collections';
import { keyIdOf } from '../../cloudfunctions/_lib/crypto';
import { createManagerCloud, type Cloud } from '../../scripts/deploy/cloud';
import { desiredState, readRc, storageRule, type DesiredState } from '../../scripts/deploy/config';
import {
  applyPlan,
  BOOTSTRAP_VARIABLE,
  bootstrapVariable,
  planDeploy,
  type PlanOptions,
} from '../../scripts/deploy/plan';
import { checkVariables, PreflightError, requiredVariables } from '../../scripts/deploy/preflight';
import { createCloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../support/fake-tcb-server';

const key = (): string => randomBytes(32).toString('base64');
const READS = new Set([
  'DescribeEnvInfo',
  'DescribeTable',
  'DescribeDatabaseACL',
  'DescribeStorageSafeRule',
  'GetFunction',
]);

// Whole deploys through the SDK and a loopback server: seconds on a loaded CI machine.
jest.setTimeout(60_000);

let fake: FakeTcbServer;
let root: string;
let shell: NodeJS.ProcessEnv;
const saved = { tcb: process.env.TCB_BASE_URL, scf: process.env.HQN_SCF_BASE_URL };

function writeBundle(name: string, body = `exports.main = async () => '${name}';\n`): void {
  mkdirSync(join(root, name, 'src'), { recursive: true });
  writeFileSync(join(root, name, 'index.js'), body);
  writeFileSync(join(root, name, 'src', 'index.ts'), '// sources never go up\n');
}

beforeAll(async () => {
  fake = await startFakeTcbServer({ strictCollections: true });
  process.env.TCB_BASE_URL = fake.tcbBaseUrl;
  process.env.HQN_SCF_BASE_URL = fake.scfBaseUrl;
});

afterAll(async () => {
  process.env.TCB_BASE_URL = saved.tcb;
  process.env.HQN_SCF_BASE_URL = saved.scf;
  if (saved.tcb === undefined) delete process.env.TCB_BASE_URL;
  if (saved.scf === undefined) delete process.env.HQN_SCF_BASE_URL;
  await fake.close();
});

beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined); // manager-node narrates each upload
  fake.reset();
  root = mkdtempSync(join(tmpdir(), 'deploy-fns-'));
  for (const fn of readRc().functions) writeBundle(fn.name);
  shell = {
    TCB_ENV: fake.env,
    TENCENTCLOUD_SECRETID: fake.secretId,
    TENCENTCLOUD_SECRETKEY: fake.secretKey,
    HQN_DATA_KEY: key(),
    HQN_HASH_KEY: key(),
  };
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
  expect(fake.manager.violations).toEqual([]);
});

const cloud = (): Cloud =>
  createManagerCloud({ envId: fake.env, secretId: fake.secretId, secretKey: fake.secretKey, pollMs: 2 });
const desired = (env: NodeJS.ProcessEnv = shell): DesiredState => desiredState(env, { functionRoot: root });

async function deploy(d: DesiredState = desired(), options: Partial<PlanOptions> = {}) {
  const plan = await planDeploy(cloud(), d, { shell, ...options });
  await applyPlan(plan, () => undefined);
  return plan;
}

/** The changes sent, in order, as `service:Action target`. */
function changes(): string[] {
  return fake.manager.calls
    .filter((c) => !READS.has(c.action))
    .map((c) => {
      const p = c.params;
      return `${c.service}:${c.action} ${String(p.TableName ?? p.CollectionName ?? p.FunctionName ?? p.Bucket ?? '')}`;
    });
}

describe('npm run deploy against the fake management API', () => {
  it('a first deploy sends exactly the expected actions, and leaves what the registry and cloudbaserc say', async () => {
    const plan = await deploy();
    const rc = readRc();
    const expected: string[] = [];
    for (const d of REGISTRY) {
      expected.push(`tcb:CreateTable ${d.name}`);
      if (d.indexes.length) expected.push(`tcb:UpdateTable ${d.name}`);
      expected.push(`tcb:ModifyDatabaseACL ${d.name}`);
    }
    expected.push('tcb:ModifyStorageSafeRule 6861-fake-1250000000');
    for (const fn of rc.functions) {
      expected.push(`scf:CreateFunction ${fn.name}`);
      if (fn.triggers?.length) expected.push(`scf:BatchCreateTrigger ${fn.name}`);
    }
    expect(changes()).toEqual(expected);

    // The registry is what is deployed: every collection, its indexes (as database.json lists them), closed.
    const dbJson = JSON.parse(readFileSync(join(__dirname, '../../cloudbase/database.json'), 'utf8')) as {
      collections: Record<
        string,
        { indexes: Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string }> } }> }
      >;
    };
    for (const [name, coll] of Object.entries(dbJson.collections)) {
      expect(fake.data.has(name)).toBe(true);
      expect(Object.fromEntries(fake.manager.indexes.get(name) ?? [])).toEqual(
        Object.fromEntries(coll.indexes.map((i) => [i.IndexName, i.MgoKeySchema.MgoIndexKeys.map((k) => k.Name)])),
      );
      expect(fake.manager.acl.get(name)).toBe('ADMINONLY');
    }
    expect(JSON.parse(String(fake.manager.storageRule.rule))).toEqual(storageRule());

    for (const fn of rc.functions) {
      const got = fake.manager.functions.get(fn.name);
      expect(got).toMatchObject({
        runtime: fn.runtime,
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        status: 'Active',
      });
      expect(got?.files).toEqual(['index.js']); // the bundle only: no sources
      expect(got?.variables.HQN_DATA_KEY).toBe(shell.HQN_DATA_KEY);
      expect(got?.variables.HQN_HASH_KEY).toBe(shell.HQN_HASH_KEY);
      expect(Object.values(got?.variables ?? {})).not.toContain('');
      expect(got?.triggers).toEqual(
        (fn.triggers ?? []).map((t) => ({ name: t.name, type: 'timer', config: t.config })),
      );
    }
    // The first deploy issues the bootstrap code; only its keyed hash and expiry rest in the account function.
    expect(plan.bootstrap).not.toBeNull();
    const account = fake.manager.functions.get('account');
    expect(account?.variables[BOOTSTRAP_VARIABLE]).toBe(
      bootstrapVariable(shell, plan.bootstrap?.code ?? '', plan.bootstrap?.expiresAt ?? new Date()),
    );
    expect(JSON.stringify([...fake.manager.functions.values()])).not.toContain(plan.bootstrap?.code);
  });

  it('before the deploy a write fails (no collection); after it, every collection takes writes through the adapter', async () => {
    const store = createCloudbaseStore(connectSdk(fake));
    await expect(store.collection('audit').insert({ _id: 'a1' })).rejects.toThrow(/not exist/);
    await deploy();
    for (const { name } of REGISTRY) {
      await store.collection(name).insert({ _id: `probe-${name}` });
      expect(await store.collection(name).get(`probe-${name}`)).toEqual({ _id: `probe-${name}` });
    }
    expect(fake.violations).toEqual([]);
  });

  it('a second deploy of the same repository changes nothing', async () => {
    await deploy();
    fake.manager.calls.length = 0;
    // The console may keep the storage rule reformatted: same rule, no change.
    const rule = storageRule();
    const reordered = Object.fromEntries(Object.entries(rule).reverse());
    fake.manager.storageRule.rule = JSON.stringify(reordered, null, 2);
    const plan = await deploy();
    expect(plan.steps).toEqual([]);
    expect(plan.bootstrap).toBeNull();
    expect(changes()).toEqual([]);
  });

  it('a changed index is applied: the old one dropped, the new one created; nothing else changes', async () => {
    await deploy();
    fake.manager.calls.length = 0;
    const d = desired();
    const periods = d.collections.find((c) => c.name === 'periods');
    if (!periods) throw new Error('no periods collection');
    periods.indexes = [{ name: 'current_1_startsAt_1', fields: ['current', 'startsAt'] }];
    const plan = await deploy(d);
    expect(plan.steps.map((s) => s.summary)).toEqual([
      '集合 periods 删除登记表中没有的索引 current_1',
      '集合 periods 创建索引 current_1_startsAt_1',
    ]);
    expect(changes()).toEqual(['tcb:UpdateTable periods', 'tcb:UpdateTable periods']);
    expect(Object.fromEntries(fake.manager.indexes.get('periods') ?? [])).toEqual({
      current_1_startsAt_1: ['current', 'startsAt'],
    });
  });

  it('a rebuilt bundle updates that function’s code and fingerprint only', async () => {
    await deploy();
    fake.manager.calls.length = 0;
    writeBundle('notice', "exports.main = async () => 'notice v2';\n");
    await deploy();
    expect(changes()).toEqual(['scf:UpdateFunctionCode notice', 'scf:UpdateFunctionConfiguration notice']);
  });

  it('variables are merged: a value the shell leaves empty keeps what the environment holds, never ""', async () => {
    await deploy(desired({ ...shell, HQN_BOOTSTRAP_CITY_ADMINS: 'oAdmin1' }));
    expect(fake.manager.functions.get('admin')?.variables.HQN_BOOTSTRAP_CITY_ADMINS).toBe('oAdmin1');
    fake.manager.calls.length = 0;
    const plan = await deploy(desired({ ...shell, HQN_BOOTSTRAP_CITY_ADMINS: '' }));
    expect(plan.steps).toEqual([]);
    expect(fake.manager.functions.get('admin')?.variables.HQN_BOOTSTRAP_CITY_ADMINS).toBe('oAdmin1');
    // Taken out only when asked.
    await deploy(desired(), { removeVariables: ['HQN_BOOTSTRAP_CITY_ADMINS'] });
    expect(fake.manager.functions.get('admin')?.variables).not.toHaveProperty('HQN_BOOTSTRAP_CITY_ADMINS');
  });

  it('a data key the environment does not hold is refused before anything changes; a rotation is allowed', async () => {
    await deploy();
    const before = JSON.stringify([...fake.manager.functions.values()]);
    fake.manager.calls.length = 0;
    const wrong = { ...shell, HQN_DATA_KEY: key() };
    const refused = planDeploy(cloud(), desired(wrong), { shell: wrong });
    await expect(refused).rejects.toThrow(PreflightError);
    await expect(refused).rejects.toThrow(new RegExp(keyIdOf(String(shell.HQN_DATA_KEY))));
    await expect(refused).rejects.not.toThrow(new RegExp(String(shell.HQN_DATA_KEY).replace(/[+/=]/g, '.')));
    expect(changes()).toEqual([]);
    expect(JSON.stringify([...fake.manager.functions.values()])).toBe(before);

    const wrongHash = { ...shell, HQN_HASH_KEY: key() };
    await expect(planDeploy(cloud(), desired(wrongHash), { shell: wrongHash })).rejects.toThrow(/哈希密钥/);

    // Rotation step 2: the new key current, the deployed one among the old keys.
    const rotated = { ...shell, HQN_DATA_KEY: key(), HQN_DATA_KEYS_OLD: shell.HQN_DATA_KEY };
    shell = rotated;
    const plan = await deploy(desired(rotated));
    expect(plan.steps.every((s) => /环境变量 HQN_DATA_KEY、HQN_DATA_KEYS_OLD$/.test(s.summary))).toBe(true);
    expect(fake.manager.functions.get('nomination')?.variables.HQN_DATA_KEYS_OLD).toBe(rotated.HQN_DATA_KEYS_OLD);
  });

  it('a runtime the environment refuses stops the deploy with what to change', async () => {
    fake.manager.refusedRuntimes.add(readRc().functions[0].runtime);
    await expect(deploy()).rejects.toThrow(/运行环境 Nodejs\S+ 未被该环境接受.*Nodejs20\.19/);
  });

  it('--bootstrap-code issues a new code into the account function only', async () => {
    await deploy();
    fake.manager.calls.length = 0;
    const plan = await deploy(desired(), { newBootstrapCode: true });
    expect(plan.bootstrap?.code).toMatch(/^[A-Z2-9]{11}$/);
    expect(changes()).toEqual(['scf:UpdateFunctionConfiguration account']);
  });
});

describe('deploy preflight', () => {
  const complete = (): NodeJS.ProcessEnv => ({
    ...shell,
    WX_APPID: 'wx0000000000000000',
    WX_PRIVATE_KEY_PATH: __filename,
  });

  it('passes with every variable set', () => {
    expect(checkVariables(complete(), { needUploadKey: true })).toEqual([]);
  });

  it.each(requiredVariables())('refuses %s missing or empty', (name) => {
    const missing = complete();
    delete missing[name];
    expect(checkVariables(missing, { needUploadKey: true }).join('\n')).toContain(`${name} is not set`);
    expect(checkVariables({ ...complete(), [name]: '  ' }, { needUploadKey: true }).join('\n')).toContain(
      `${name} is empty`,
    );
  });

  it('refuses a malformed key and a missing upload key file', () => {
    expect(checkVariables({ ...complete(), HQN_DATA_KEY: 'short' }, { needUploadKey: true }).join()).toMatch(/32 字节/);
    expect(
      checkVariables({ ...complete(), WX_PRIVATE_KEY_PATH: '/nowhere/key' }, { needUploadKey: true }).join(),
    ).toMatch(/upload key file not found/);
  });
});
