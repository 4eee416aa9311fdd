/**
 * The runbook's commands that can run offline, run here: `npm run deploy --
 * --dry-run` and `npm run backup` against the fake CloudBase endpoint,
 * `npm run verify:cloud`'s checks against it, and each command failing fast
 * with a clear message without credentials or network.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { join } from 'node:path';
import { REGISTRY } from '../../cloudfunctions/_lib/collections';
import { backup } from '../../scripts/backup';
import { deploy } from '../../scripts/deploy';
import { PreflightError } from '../../scripts/deploy/preflight';
import { main as verifyMain, verifyCloud } from '../../scripts/verify-cloud';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../support/fake-tcb-server';

const ROOT = join(__dirname, '../..');
const key = (): string => randomBytes(32).toString('base64');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out, ms: Date.now() - started }));
  });
}

// Whole deploys through the SDK and a loopback server: seconds on a loaded CI machine.
jest.setTimeout(60_000);

let fake: FakeTcbServer;
let shell: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeTcbServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  shell = {
    TCB_ENV: fake.env,
    TENCENTCLOUD_SECRETID: fake.secretId,
    TENCENTCLOUD_SECRETKEY: fake.secretKey,
    HQN_DATA_KEY: key(),
    HQN_HASH_KEY: key(),
  };
});
afterEach(() => {
  expect(fake.manager.violations).toEqual([]);
  expect(fake.violations).toEqual([]);
});

describe('runbook commands, offline', () => {
  it('npm run deploy -- --dry-run prints the plan against the endpoint and changes nothing', async () => {
    const res = await run(['scripts/deploy.ts', '--dry-run'], {
      ...shell,
      TCB_BASE_URL: fake.tcbBaseUrl,
      HQN_SCF_BASE_URL: fake.scfBaseUrl,
    });
    expect(res.out).toContain('部署计划 / plan');
    expect(res.code).toBe(0);
    for (const { name } of REGISTRY) expect(res.out).toContain(`创建集合 ${name}`);
    expect(res.out).toMatch(
      /创建云函数 cron（Nodejs\S+，超时 60 秒.*定时触发器 purgeWithdrawn、purgeSpent、purgeExports）/,
    );
    expect(res.out).not.toContain(String(shell.HQN_DATA_KEY));
    const reads = new Set(['DescribeEnvInfo', 'DescribeTable', 'DescribeStorageSafeRule', 'GetFunction']);
    expect(fake.manager.calls.filter((c) => !reads.has(c.action))).toEqual([]);
  }, 60_000);

  it('a deploy without its variables says which are missing, and changes nothing', async () => {
    const refused = deploy([], { TCB_ENV: 'x', HQN_DATA_KEY: '' });
    await expect(refused).rejects.toThrow(PreflightError);
    await expect(refused).rejects.toThrow(/TENCENTCLOUD_SECRETID is not set/);
    await expect(refused).rejects.toThrow(/HQN_DATA_KEY is empty/);
    await expect(refused).rejects.toThrow(/缺少环境变量 WX_APPID/);
  });

  it('a real deploy on a machine without the network fails fast, in Chinese and English', async () => {
    const online = await lookup('tcb.tencentcloudapi.com').then(
      () => true,
      () => false,
    );
    if (online) return; // only meaningful offline (CI here is)
    const started = Date.now();
    const refused = deploy([], { ...shell, WX_APPID: 'wx0000000000000000', WX_PRIVATE_KEY_PATH: __filename });
    await expect(refused).rejects.toThrow(/无法连接 tcb\.tencentcloudapi\.com.*this machine is offline/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fake.manager.calls).toEqual([]);
  });

  it('npm run backup exports every collection to storage and waits for each job', async () => {
    const saved = process.env.TCB_BASE_URL;
    process.env.TCB_BASE_URL = fake.tcbBaseUrl;
    try {
      fake.data.set('orgs', new Map([['city', { _id: 'city', name: '绍兴市' }]]));
      for (const { name } of REGISTRY) if (!fake.data.has(name)) fake.data.set(name, new Map());
      const lines: string[] = [];
      const results = await backup(
        { ...shell, TCB_BASE_URL: fake.tcbBaseUrl },
        {
          now: new Date('2026-11-30T02:00:00Z'),
          pollMs: 1,
          log: (l) => lines.push(l),
        },
      );
      expect(results.map((r) => r.collection)).toEqual(REGISTRY.map((d) => d.name));
      expect(results.find((r) => r.collection === 'orgs')).toEqual({
        collection: 'orgs',
        path: 'backups/20261130T020000Z/orgs.json',
        records: 1,
      });
      expect(JSON.parse(String(fake.objects.get('backups/20261130T020000Z/orgs.json')?.bytes))).toEqual({
        _id: 'city',
        name: '绍兴市',
      });
      expect(lines.at(-1)).toContain('备份完成');
    } finally {
      if (saved === undefined) delete process.env.TCB_BASE_URL;
      else process.env.TCB_BASE_URL = saved;
    }
  });

  it('npm run verify:cloud: duplicate _id recognised, 20 racing increments take exactly 5; no credentials fails fast', async () => {
    const lines: string[] = [];
    const report = await verifyCloud(connectSdk(fake), {}, (l) => lines.push(l));
    expect(report.duplicate.recognised).toBe(true);
    expect(report.duplicate.raw).toMatch(/E11000 duplicate key/);
    expect(report.increments).toEqual({ attempts: 20, succeeded: 5, finalUsed: 5, ok: true });
    expect(report.subscribe).toMatch(/^跳过/);
    expect(fake.data.get('limits')?.size ?? 0).toBe(0); // it cleans up after itself
    expect(lines).toHaveLength(4);
    await expect(verifyMain({})).rejects.toThrow(PreflightError);
    await expect(verifyMain({})).rejects.toThrow(/TCB_ENV is not set/);
  });
});
