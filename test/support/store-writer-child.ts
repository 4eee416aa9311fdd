/**
 * Child process for the crash test: writes to a dir-backed embedded store as
 * fast as it can and prints "ack <id>" only after each write's promise has
 * resolved (i.e. after the fsync). The parent SIGKILLs it mid-stream.
 *
 * Usage: node --import tsx test/support/store-writer-child.ts <dir> <count>
 */
import { createEmbeddedStore } from '../../cloudfunctions/_lib/store/embedded';

async function main(): Promise<void> {
  const [dir, countArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: store-writer-child <dir> <count>');
  const count = Number(countArg ?? 100_000);
  const store = createEmbeddedStore({ dir, indexes: { items: ['group'] } });
  const items = store.collection<{ _id: string; n: number; group: string; at: Date; pad: string }>('items');
  const counters = store.collection<{ _id: string; value: number }>('counters');
  await counters.insert({ _id: 'c', value: 0 }).catch(() => undefined);
  for (let n = 0; n < count; n++) {
    const id = `i${n}`;
    await items.insert({
      _id: id,
      n,
      group: `g${n % 7}`,
      at: new Date(Date.UTC(2026, 0, 1) + n),
      pad: 'x'.repeat(300),
    });
    process.stdout.write(`ack ${id}\n`);
    if (n % 5 === 4) {
      await counters.updateOne({ _id: 'c' }, { $inc: { value: 1 } });
      process.stdout.write(`ack counter ${(n + 1) / 5}\n`);
    }
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
