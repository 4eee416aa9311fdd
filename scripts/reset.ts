/** `npm run reset`: wipe the local store and seed the demo data again. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalDeps } from './local/deps';
import { seedDemo } from './local/seed';

const DATA_DIR = process.env.HQN_DATA_DIR ?? join(__dirname, '..', '.data');

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const deps = createLocalDeps({ dataDir: DATA_DIR });
  await seedDemo(deps, deps.clock());
  await deps.store.close();
  console.log(`已清空并重新写入演示数据：${DATA_DIR}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
