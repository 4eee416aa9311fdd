/**
 * `npm run deploy`: uploads the mini-program and every cloud function with
 * miniprogram-ci. Needs WX_APPID, WX_PRIVATE_KEY_PATH and TCB_ENV, and the
 * network. Without them it fails fast with a clear message instead of hanging.
 * Security rules and indexes (cloudbase/database.json) are printed for the
 * CloudBase console until a manager API key is configured.
 */
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames } from './build';

const ROOT = join(__dirname, '..');

interface CiModule {
  Project: new (options: Record<string, unknown>) => unknown;
  upload(options: Record<string, unknown>): Promise<unknown>;
  cloud: { uploadFunction(options: Record<string, unknown>): Promise<unknown> };
}

function fail(message: string): never {
  console.error(`部署失败：${message}`);
  process.exit(1);
}

async function preflight(): Promise<{ appid: string; keyPath: string; env: string }> {
  const appid = process.env.WX_APPID;
  const keyPath = process.env.WX_PRIVATE_KEY_PATH;
  const env = process.env.TCB_ENV;
  if (!appid || !keyPath || !env)
    fail('请设置环境变量 WX_APPID、WX_PRIVATE_KEY_PATH（小程序代码上传密钥）和 TCB_ENV（云开发环境 ID）。');
  if (!existsSync(keyPath)) fail(`找不到上传密钥文件 ${keyPath}。`);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000));
  try {
    await Promise.race([lookup('servicewechat.com'), timeout]);
  } catch {
    fail('无法连接微信服务器（servicewechat.com）。本机处于离线环境，上传和预览需要网络。');
  }
  return { appid, keyPath, env };
}

async function main(): Promise<void> {
  const { appid, keyPath, env } = await preflight();
  for (const fn of functionNames()) {
    if (!existsSync(join(ROOT, 'cloudfunctions', fn, 'index.js')))
      fail(`云函数 ${fn} 尚未构建，请先运行 npm run build。`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as CiModule;
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  });
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  await ci.upload({ project, version, desc: `好青年选培 ${version}`, setting: { useProjectConfig: true } });
  for (const name of functionNames()) {
    await ci.cloud.uploadFunction({
      project,
      env,
      name,
      path: join(ROOT, 'cloudfunctions', name),
      remoteNpmInstall: false,
    });
    console.log(`• 云函数 ${name} 已上传`);
  }
  console.log('数据库安全规则与索引（cloudbase/database.json）请在云开发控制台核对：所有集合 read/write 均为 false。');
  process.exit(0);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
