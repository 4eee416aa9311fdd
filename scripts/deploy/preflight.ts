/**
 * Preflight: nothing in the environment changes until every check here has
 * passed. Messages are Chinese first, then English, for an IT team that may
 * search either.
 */
import { existsSync } from 'node:fs';
import { createPersonalDataCrypto, keyIdOf } from '../../cloudfunctions/_lib/crypto';
import { readRc, templatedVariables } from './config';

export class PreflightError extends Error {
  constructor(readonly problems: string[]) {
    super(`部署前检查未通过 / preflight failed:\n${problems.map((p) => `  • ${p}`).join('\n')}`);
    this.name = 'PreflightError';
  }
}

/** Variables every deploy needs, besides those cloudbaserc.json names. */
export const DEPLOY_VARIABLES: Record<string, string> = {
  TCB_ENV: '云开发环境 ID / CloudBase environment id',
  TENCENTCLOUD_SECRETID: '腾讯云 API 密钥 SecretId / API key SecretId',
  TENCENTCLOUD_SECRETKEY: '腾讯云 API 密钥 SecretKey / API key SecretKey',
  WX_APPID: '小程序 AppID / mini-program AppID',
  WX_PRIVATE_KEY_PATH: '小程序代码上传密钥文件路径 / path of the mini-program upload key',
  HQN_DATA_KEY: '个人信息数据密钥 / personal-data key',
  HQN_HASH_KEY: '个人信息哈希密钥 / hash key',
};

/** cloudbaserc variables that may be empty: an empty one is not sent, so the environment keeps its value. */
// HQN_TEMPLATE_IDS: without subscribe-message templates, messages stay in the in-app inbox.
export const OPTIONAL_VARIABLES = new Set(['HQN_DATA_KEYS_OLD', 'HQN_BOOTSTRAP_CITY_ADMINS', 'HQN_TEMPLATE_IDS']);

export function requiredVariables(): string[] {
  const fromRc = templatedVariables(readRc()).filter((v) => !OPTIONAL_VARIABLES.has(v));
  return [...new Set([...Object.keys(DEPLOY_VARIABLES), ...fromRc])];
}

/** Local checks: every required variable set and non-empty, the keys well-formed, the upload key present. */
export function checkVariables(shell: NodeJS.ProcessEnv, options: { needUploadKey?: boolean } = {}): string[] {
  const upload = new Set(options.needUploadKey ? [] : ['WX_APPID', 'WX_PRIVATE_KEY_PATH']);
  const problems = requiredVariables()
    .filter((name) => !upload.has(name))
    .flatMap((name) => variableProblem(name, shell[name]));
  const keyProblem = malformedKeys(shell);
  if (keyProblem) problems.push(keyProblem);
  const keyPath = shell.WX_PRIVATE_KEY_PATH?.trim();
  if (options.needUploadKey && keyPath && !existsSync(keyPath)) {
    problems.push(`找不到小程序上传密钥文件 ${keyPath} / upload key file not found`);
  }
  return problems;
}

function variableProblem(name: string, value: string | undefined): string[] {
  const what = DEPLOY_VARIABLES[name] ?? name;
  if (value === undefined) return [`缺少环境变量 ${name}（${what}）/ ${name} is not set`];
  if (value.trim() === '') return [`环境变量 ${name} 为空（${what}）/ ${name} is empty`];
  return [];
}

function malformedKeys(shell: NodeJS.ProcessEnv): string | null {
  if (!shell.HQN_DATA_KEY?.trim() || !shell.HQN_HASH_KEY?.trim()) return null;
  try {
    createPersonalDataCrypto({
      dataKey: shell.HQN_DATA_KEY.trim(),
      hashKey: shell.HQN_HASH_KEY.trim(),
      previousDataKeys: keyList(shell.HQN_DATA_KEYS_OLD),
    });
    return null;
  } catch (error) {
    return `密钥格式错误（应为 32 字节 base64 或 hex）/ malformed key: ${(error as Error).message}`;
  }
}

const keyList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);

/** The variables a deployed function holds, by function name (from GetFunction). */
export type RemoteVariables = Array<{ fn: string; variables: Record<string, string> }>;

/**
 * The keys in the shell must be the keys the environment holds: the deployed
 * data key must be the shell's current key or one of its previous keys (a
 * rotation in progress), and the hash key, which never changes, the same.
 * Only fingerprints are compared or printed, never a key.
 */
export function checkKeyFingerprints(shell: NodeJS.ProcessEnv, remote: RemoteVariables): string[] {
  const local = new Set(
    [shell.HQN_DATA_KEY ?? '', ...keyList(shell.HQN_DATA_KEYS_OLD)]
      .filter((k) => k.trim())
      .map((k) => keyIdOf(k.trim())),
  );
  const hashId = shell.HQN_HASH_KEY?.trim() ? keyIdOf(shell.HQN_HASH_KEY.trim()) : null;
  return remote.flatMap(({ fn, variables }) => [
    ...dataKeyProblem(fn, variables.HQN_DATA_KEY, local),
    ...hashKeyProblem(fn, variables.HQN_HASH_KEY, hashId),
  ]);
}

function dataKeyProblem(fn: string, deployed: string | undefined, local: Set<string>): string[] {
  if (!deployed?.trim()) return [];
  const id = safeKeyId(deployed.trim());
  if (id && local.has(id)) return [];
  return [
    `云函数 ${fn} 使用的数据密钥（指纹 ${id ?? '无效'}）不是本机 HQN_DATA_KEY（指纹 ${[...local][0]}）或 HQN_DATA_KEYS_OLD 中的密钥，` +
      `拒绝部署以免已加密的数据无法读取 / function ${fn} holds data key ${id ?? 'invalid'}, ` +
      'which is neither HQN_DATA_KEY nor in HQN_DATA_KEYS_OLD here: refusing to deploy',
  ];
}

function hashKeyProblem(fn: string, deployed: string | undefined, hashId: string | null): string[] {
  if (!deployed?.trim() || !hashId) return [];
  const id = safeKeyId(deployed.trim());
  if (id === hashId) return [];
  return [
    `云函数 ${fn} 使用的哈希密钥（指纹 ${id ?? '无效'}）与本机 HQN_HASH_KEY（指纹 ${hashId}）不同；哈希密钥不能更换 / ` +
      `function ${fn} holds hash key ${id ?? 'invalid'}, not HQN_HASH_KEY (${hashId}); the hash key never changes`,
  ];
}

function safeKeyId(key: string): string | null {
  try {
    return keyIdOf(key);
  } catch {
    return null;
  }
}
