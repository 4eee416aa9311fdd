/** `npm run reset`: wipe the local store and seed the demo data again. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalDeps } from './local/deps';
import { seedDemo } from './local/seed';

const DATA_DIR = process.env.HQN_DATA_DIR ?? join(__dirname, '..', '.data');

async function main(): Promise<void> {
  // Opening takes the directory's lock: a running `npm start` makes this stop before anything is deleted.
  await createLocalDeps({ dataDir: DATA_DIR }).store.close();
  rmSync(DATA_DIR, { recursive: true, force: true });
  const deps = createLocalDeps({ dataDir: DATA_DIR });
  await seedDemo(deps, deps.clock());
  await deps.store.close();
  console.log(`已清空并重新写入演示数据：${DATA_DIR}`);
}

main().catch((e: unknown) => {
  const inUse = e instanceof Error && e.message.includes('is in use by process');
  console.error(inUse ? '数据目录正被运行中的本地预览使用：请先停止 npm start，再重置。' : e);
  process.exit(1);
});
