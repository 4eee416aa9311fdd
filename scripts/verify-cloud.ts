/**
 * `npm run verify:cloud`: a short live check, once, against a real
 * environment after the first deploy (docs/runbook.md) — not part of
 * `npm test`. It prints what it saw:
 * 1. a duplicate `_id` insert: the exact error CloudBase returns, and whether
 *    the store adapter recognises it as DuplicateKeyError;
 * 2. 20 concurrent conditional increments on one quota counter with room for
 *    5: exactly 5 must succeed;
 * 3. one subscribe message, when VERIFY_TOUSER and VERIFY_TEMPLATE_ID are set
 *    (VERIFY_TEMPLATE_DATA the template's fields as JSON), through the SDK's
 *    open-API call, printing what the platform answers (outside a function
 *    the platform may refuse it: the answer is what this step records).
 * Documents it writes live in `limits` under `verify:` ids and are removed.
 * Offline (or without credentials) it fails fast with a clear message.
 */
import * as tcb from '@cloudbase/node-sdk';
import { C } from '../cloudfunctions/_lib/collections';
import { createCloudbaseStore } from '../cloudfunctions/_lib/store/cloudbase';
import { DuplicateKeyError } from '../cloudfunctions/_lib/store/port';
import { checkReachable } from './deploy';
import { PreflightError } from './deploy/preflight';

export interface VerifyReport {
  duplicate: { raw: string; recognised: boolean };
  increments: { attempts: number; succeeded: number; finalUsed: number; ok: boolean };
  subscribe: string;
}

const LIMIT = 5;
const ATTEMPTS = 20;

type Limits = ReturnType<typeof limitsOf>;

function limitsOf(app: tcb.CloudBase) {
  return createCloudbaseStore(app).collection<{ _id: string; used: number; limit: number }>(C.limits);
}

/** 1. Duplicate _id: the raw answer, then the adapter's reading of it. */
async function duplicateInsert(app: tcb.CloudBase, limits: Limits, id: string): Promise<VerifyReport['duplicate']> {
  await limits.insert({ _id: id, used: 0, limit: 0 });
  let raw = '(no error: the second insert succeeded!)';
  try {
    const res = (await app.database().collection(C.limits).add({ _id: id, used: 0 })) as {
      code?: string;
      message?: string;
    };
    if (res.code) raw = `${res.code}: ${res.message}`;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    raw = `${e.code ?? ''} ${e.message ?? String(error)}`.trim();
  }
  const recognised = await limits.insert({ _id: id, used: 0, limit: 0 }).then(
    () => false,
    (error: unknown) => error instanceof DuplicateKeyError,
  );
  await limits.deleteOne({ _id: id });
  return { raw, recognised };
}

/** 2. Conditional increments racing on one counter. */
async function racingIncrements(limits: Limits, id: string): Promise<VerifyReport['increments']> {
  await limits.insert({ _id: id, used: 0, limit: LIMIT });
  const results = await Promise.all(
    Array.from({ length: ATTEMPTS }, () => limits.updateOne({ _id: id, used: { $lt: LIMIT } }, { $inc: { used: 1 } })),
  );
  const succeeded = results.filter((n) => n === 1).length;
  const finalUsed = (await limits.get(id))?.used ?? -1;
  await limits.deleteOne({ _id: id });
  return { attempts: ATTEMPTS, succeeded, finalUsed, ok: succeeded === LIMIT && finalUsed === LIMIT };
}

/** 3. One subscribe message. */
async function subscribeMessage(app: tcb.CloudBase, shell: NodeJS.ProcessEnv): Promise<string> {
  if (!shell.VERIFY_TOUSER || !shell.VERIFY_TEMPLATE_ID) {
    return '跳过：未设置 VERIFY_TOUSER 与 VERIFY_TEMPLATE_ID / skipped: VERIFY_TOUSER and VERIFY_TEMPLATE_ID not set';
  }
  try {
    const res = await app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: shell.VERIFY_TOUSER,
        template_id: shell.VERIFY_TEMPLATE_ID,
        page: 'pages/home/index',
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        data: JSON.parse(shell.VERIFY_TEMPLATE_DATA ?? '{}') as Record<string, unknown>,
      },
    });
    return `平台答复 / platform answered: ${JSON.stringify(res)}`;
  } catch (error) {
    return `发送失败 / failed: ${(error as Error).message}`;
  }
}

export async function verifyCloud(
  app: tcb.CloudBase,
  shell: NodeJS.ProcessEnv,
  log: (line: string) => void = console.log,
): Promise<VerifyReport> {
  const stamp = Date.now().toString(36);
  const limits = limitsOf(app);
  const duplicate = await duplicateInsert(app, limits, `verify:dup:${stamp}`);
  log(`1. 重复 _id 插入 / duplicate _id insert: ${duplicate.raw}`);
  log(`   适配器识别为 DuplicateKeyError / recognised by the adapter: ${duplicate.recognised ? '是 yes' : '否 NO'}`);
  const increments = await racingIncrements(limits, `verify:quota:${stamp}`);
  log(
    `2. ${ATTEMPTS} 个并发条件自增（上限 ${LIMIT}）/ concurrent conditional increments: ` +
      `成功 ${increments.succeeded}，计数 ${increments.finalUsed} → ${increments.ok ? '正确 OK' : '错误 WRONG'}`,
  );
  const subscribe = await subscribeMessage(app, shell);
  log(`3. 订阅消息 / subscribe message: ${subscribe}`);
  return { duplicate, increments, subscribe };
}

export async function main(shell: NodeJS.ProcessEnv = process.env): Promise<VerifyReport> {
  const missing = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'].filter((n) => !shell[n]?.trim());
  if (missing.length) throw new PreflightError(missing.map((n) => `缺少环境变量 ${n} / ${n} is not set`));
  const serviceUrl = shell.HQN_TCB_SERVICE_URL;
  if (!serviceUrl) await checkReachable({ ...shell, HQN_SCF_BASE_URL: 'unused' }, false);
  const app = tcb.init({
    env: String(shell.TCB_ENV).trim(),
    secretId: String(shell.TENCENTCLOUD_SECRETID).trim(),
    secretKey: String(shell.TENCENTCLOUD_SECRETKEY).trim(),
    ...(serviceUrl && { serviceUrl }),
  });
  return verifyCloud(app, shell);
}

if (require.main === module) {
  main().then(
    (report) => process.exit(report.duplicate.recognised && report.increments.ok ? 0 : 1),
    (error: unknown) => {
      console.error(error instanceof PreflightError ? error.message : `检查失败 / check failed: ${String(error)}`);
      process.exit(1);
    },
  );
}
