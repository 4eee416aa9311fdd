/**
 * `npm run backup`: exports every collection of the registry to the
 * environment's cloud storage (`backups/<UTC stamp>/<collection>.json`, one
 * JSON document a line) with @cloudbase/manager-node's database export, and
 * waits for each job. docs/runbook.md says how to keep the files and how to
 * restore (import, or point-in-time restore into new collections).
 * Credentials from the environment: TCB_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY.
 * Sealed personal data stays sealed in the export: keep the keys in escrow.
 */
import { REGISTRY } from '../cloudfunctions/_lib/collections';
import { checkReachable } from './deploy';
import { PreflightError } from './deploy/preflight';

interface ManagerDatabase {
  export(collection: string, file: { ObjectKey: string }, options: Record<string, unknown>): Promise<{ JobId: number }>;
  migrateStatus(
    jobId: number,
  ): Promise<{ Status: string; RecordSuccess?: number; RecordFail?: number; ErrorMsg?: string }>;
}

export interface BackupResult {
  collection: string;
  path: string;
  records: number;
}

const NEEDED = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];

export async function backup(
  shell: NodeJS.ProcessEnv = process.env,
  options: { now?: Date; pollMs?: number; log?: (line: string) => void } = {},
): Promise<BackupResult[]> {
  const log = options.log ?? console.log;
  const missing = NEEDED.filter((n) => !shell[n]?.trim());
  if (missing.length) {
    throw new PreflightError(missing.map((n) => `缺少环境变量 ${n} / ${n} is not set`));
  }
  await checkReachable({ ...shell, HQN_SCF_BASE_URL: 'unused' }, false);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as new (c: Record<string, unknown>) => {
    database: ManagerDatabase;
  };
  const app = new CloudBase({
    envId: String(shell.TCB_ENV).trim(),
    secretId: String(shell.TENCENTCLOUD_SECRETID).trim(),
    secretKey: String(shell.TENCENTCLOUD_SECRETKEY).trim(),
  });
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
  const out: BackupResult[] = [];
  for (const { name } of REGISTRY) {
    const path = `backups/${stamp}/${name}.json`;
    const { JobId } = await app.database.export(name, { ObjectKey: path }, {});
    const records = await waitForJob(app.database, JobId, name, options.pollMs ?? 2000);
    out.push({ collection: name, path, records });
    log(`• ${name}: ${records} 条 → ${path}`);
  }
  log(`备份完成 / backup finished: ${out.length} 个集合 → backups/${stamp}/`);
  return out;
}

async function waitForJob(db: ManagerDatabase, jobId: number, name: string, pollMs: number): Promise<number> {
  for (;;) {
    const status = await db.migrateStatus(jobId);
    if (status.Status === 'success') return status.RecordSuccess ?? 0;
    if (status.Status === 'fail')
      throw new Error(`导出 ${name} 失败 / export of ${name} failed: ${status.ErrorMsg ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

if (require.main === module) {
  backup().catch((error: unknown) => {
    console.error(error instanceof PreflightError ? error.message : `备份失败 / backup failed: ${String(error)}`);
    process.exit(1);
  });
}
