/**
 * `npm start`: build, open the durable embedded store in .data/, seed demo
 * data the first time, and serve the API and the browser preview.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startDevServer } from './dev-server';
import { createLocalDeps, filesDirOf } from './local/deps';
import { isSeeded, seedDemo } from './local/seed';

const ROOT = join(__dirname, '..');
export const DATA_DIR = process.env.HQN_DATA_DIR ?? join(ROOT, '.data');

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    // The build runs in its own process: miniprogram-ci leaves a child that would keep this one alive.
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'build.ts')], { stdio: 'inherit' });
  }
  const deps = createLocalDeps({ dataDir: DATA_DIR });
  if (!(await isSeeded(deps))) {
    await seedDemo(deps, deps.clock());
    console.log(`• 已写入演示数据 (${DATA_DIR})`);
  }
  const port = Number(process.env.PORT ?? 8787);
  const server = await startDevServer(deps, {
    port,
    host: process.env.HOST,
    staticDir: join(ROOT, '.preview'),
    // The same directory the local file store writes exports to.
    filesDir: filesDirOf(DATA_DIR),
    // The sender runs every few seconds, as the cloud's one-minute timer would (but sooner, to watch it work).
    drainEveryMs: Number(process.env.HQN_DRAIN_MS ?? 3000),
  });
  console.log(
    `\n好青年选培 本地预览: ${server.url}\n(Ctrl-C 停止；数据保存在 ${DATA_DIR}，npm run reset 清空并重新写入演示数据)\n`,
  );
  const stop = () => {
    void server
      .close()
      .then(() => deps.store.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof Error && e.message.includes('is in use by process')) {
    const pid = /by process (\d+)/.exec(e.message)?.[1] ?? '?';
    console.error(`数据目录正被另一个进程（${pid}）使用：请先停止它，或用 HQN_DATA_DIR 指定另一个目录。`);
  } else if ((e as { code?: string }).code === 'EADDRINUSE') {
    console.error(
      `端口 ${process.env.PORT ?? 8787} 已被占用：请先停止另一个预览，或用 PORT=8788 npm start 换一个端口。`,
    );
  } else {
    console.error(e);
  }
  process.exit(1);
});
