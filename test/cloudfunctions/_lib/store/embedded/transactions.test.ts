/**
 * What the embedded store's transactions promise beyond the port contract:
 * all-or-nothing on disk too, and isolation from outside readers and writers
 * without deadlocking a mistaken write through the outer store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../../../../cloudfunctions/_lib/store/embedded';
import type { Doc } from '../../../../../cloudfunctions/_lib/store/port';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-durability-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('transactions on disk', () => {
  test('a committed transaction survives a reopen; a rolled-back one leaves no trace', async () => {
    let store = createEmbeddedStore({ dir });
    await store.collection('alpha').insert({ _id: 'x', v: 1 } as Doc);
    await store.withTransaction(async (tx) => {
      await tx.collection('alpha').updateOne({ _id: 'x' }, { $inc: { v: 1 } });
      await tx.collection('beta').insert({ _id: 'y' });
    });
    await expect(
      store.withTransaction(async (tx) => {
        await tx.collection('alpha').updateOne({ _id: 'x' }, { $inc: { v: 100 } });
        await tx.collection('beta').deleteOne({ _id: 'y' });
        await tx.collection('beta').insert({ _id: 'z' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await store.close();
    store = createEmbeddedStore({ dir });
    expect(await store.collection('alpha').get('x')).toEqual({ _id: 'x', v: 2 });
    expect((await store.collection('beta').find({})).map((d) => d._id)).toEqual(['y']);
    await store.close();
  });

  test('writes of a transaction that never committed (crash mid-transaction) are skipped on replay', async () => {
    writeFileSync(
      join(dir, 'alpha.jsonl'),
      [
        '{"op":"put","doc":{"_id":"x","v":1}}',
        '{"op":"put","doc":{"_id":"x","v":2},"tx":"t-committed"}',
        '{"op":"put","doc":{"_id":"y","v":1},"tx":"t-crashed"}',
        '{"op":"put","doc":{"_id":"x","v":99},"tx":"t-crashed"}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, '_transactions.jsonl'), '{"commit":"t-committed"}\n');
    const store = createEmbeddedStore({ dir });
    expect(await store.collection('alpha').find({})).toEqual([{ _id: 'x', v: 2 }]);
    await store.close();
  });
});

describe('embedded store behaviour', () => {
  test('writing through the outer store inside a transaction is refused, not deadlocked', async () => {
    const store = createEmbeddedStore();
    await expect(
      store.withTransaction(async () => {
        await store.collection('alpha').insert({ _id: 'x' });
      }),
    ).rejects.toThrow(/use the tx store/);
    expect(await store.collection('alpha').get('x')).toBeNull();
  });

  test('outside writes and reads wait for a running transaction instead of interleaving with it', async () => {
    const store = createEmbeddedStore();
    await store.collection('quota').insert({ _id: 'q', used: 0 } as Doc);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = store.withTransaction(async (t) => {
      await t.collection('quota').updateOne({ _id: 'q' }, { $set: { used: 10 } });
      await gate;
      order.push('tx done');
      throw new Error('rollback');
    });
    await new Promise((resolve) => setImmediate(resolve));
    const outside = store
      .collection('quota')
      .updateOne({ _id: 'q' }, { $inc: { used: 1 } })
      .then(() => order.push('outside write'));
    const read = store.collection('quota').get('q');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    release();
    await expect(tx).rejects.toThrow('rollback');
    await outside;
    expect(order).toEqual(['tx done', 'outside write']);
    // The reader never saw the transaction's value 10, only what came after it.
    expect(await read).toEqual({ _id: 'q', used: 1 });
    expect(await store.collection('quota').get('q')).toEqual({ _id: 'q', used: 1 });
  });
});
