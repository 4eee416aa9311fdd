/**
 * `npm run deploy`: makes a CloudBase environment what the repository says,
 * idempotently, with credentials from the environment (docs/runbook.md):
 * preflight (every variable set and non-empty, the keys the environment holds)
 * → collections → indexes → security rules → storage rule → functions with
 * runtime, timeout, memory, variables and timers (@cloudbase/manager-node)
 * → the mini-program (miniprogram-ci). `--dry-run` prints the plan and
 * changes nothing. Offline it fails fast, in Chinese and English.
 *
 * Flags: --dry-run, --bootstrap-code (issue a new one-time code for the first
 * city admin), --remove-variable NAME (e.g. HQN_DATA_KEYS_OLD after a key
 * rotation), --skip-upload (environment only).
 */
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createManagerCloud } from './deploy/cloud';
import { desiredState, ROOT } from './deploy/config';
import { checkVariables, PreflightError } from './deploy/preflight';
import { applyPlan, describePlan, planDeploy } from './deploy/plan';

interface CiModule {
  Project: new (options: Record<string, unknown>) => unknown;
  upload(options: Record<string, unknown>): Promise<unknown>;
}

export interface DeployArgs {
  dryRun: boolean;
  bootstrapCode: boolean;
  skipUpload: boolean;
  removeVariables: string[];
}

export function parseArgs(argv: string[]): DeployArgs {
  const args: DeployArgs = { dryRun: false, bootstrapCode: false, skipUpload: false, removeVariables: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--bootstrap-code') args.bootstrapCode = true;
    else if (a === '--skip-upload') args.skipUpload = true;
    else if (a === '--remove-variable' && argv[i + 1]) args.removeVariables.push(argv[++i]);
    else throw new PreflightError([`未知参数 ${a} / unknown argument ${a}`]);
  }
  return args;
}

/** Resolves the hosts a deploy talks to, or fails within 3 s: offline, say so instead of hanging. */
export async function checkReachable(shell: NodeJS.ProcessEnv, withUpload: boolean): Promise<void> {
  const hosts: string[] = [];
  if (!shell.TCB_BASE_URL) hosts.push('tcb.tencentcloudapi.com');
  if (!shell.HQN_SCF_BASE_URL) hosts.push('scf.tencentcloudapi.com');
  if (withUpload) hosts.push('servicewechat.com');
  for (const host of hosts) {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref());
    try {
      await Promise.race([lookup(host), timeout]);
    } catch {
      throw new PreflightError([
        `无法连接 ${host}：本机处于离线环境，部署需要网络 / cannot reach ${host}: this machine is offline, and a deploy needs the network`,
      ]);
    }
  }
}

function uploadMiniProgram(shell: NodeJS.ProcessEnv): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as CiModule;
  const project = new ci.Project({
    appid: shell.WX_APPID,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath: shell.WX_PRIVATE_KEY_PATH,
    ignores: ['node_modules/**/*'],
  });
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return ci.upload({ project, version, desc: `好青年选培 ${version}`, setting: { useProjectConfig: true } });
}

export async function deploy(argv: string[], shell: NodeJS.ProcessEnv = process.env): Promise<void> {
  const args = parseArgs(argv);
  const withUpload = !args.dryRun && !args.skipUpload;
  const problems = checkVariables(shell, { needUploadKey: withUpload });
  if (problems.length) throw new PreflightError(problems);
  await checkReachable(shell, withUpload);
  const desired = desiredState(shell);
  for (const fn of desired.functions) {
    if (!existsSync(join(desired.functionRoot, fn.name, 'index.js')))
      throw new PreflightError([
        `云函数 ${fn.name} 尚未构建，请先运行 npm run build / function ${fn.name} is not built`,
      ]);
  }
  const cloud = createManagerCloud({
    envId: String(shell.TCB_ENV).trim(),
    secretId: String(shell.TENCENTCLOUD_SECRETID).trim(),
    secretKey: String(shell.TENCENTCLOUD_SECRETKEY).trim(),
    pollMs: Number(shell.HQN_DEPLOY_POLL_MS) || undefined,
  });
  const plan = await planDeploy(cloud, desired, {
    shell,
    newBootstrapCode: args.bootstrapCode,
    removeVariables: args.removeVariables,
  });
  console.log(`部署计划 / plan（环境 ${shell.TCB_ENV}）：\n${describePlan(plan)}`);
  if (args.dryRun) {
    console.log('（--dry-run：未做任何变更 / nothing was changed）');
    return;
  }
  await applyPlan(plan);
  if (withUpload) {
    console.log('上传小程序代码 / uploading the mini-program …');
    await uploadMiniProgram(shell);
  }
  if (plan.bootstrap) {
    console.log(
      `\n首位团市委管理员的一次性引导码 / one-time bootstrap code for the first city admin:\n\n    ${plan.bootstrap.code}\n\n` +
        `有效期至 / valid until ${plan.bootstrap.expiresAt.toISOString()}。在小程序首页“我有邀请码”处输入，仅能使用一次；` +
        '使用后引导通道永久关闭。请勿保存在聊天记录中。',
    );
  }
  console.log('部署完成 / deploy finished');
}

if (require.main === module) {
  deploy(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof PreflightError) console.error(error.message);
    else console.error(`部署失败 / deploy failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
