/**
 * What the embedded store's log promises: acknowledged writes survive a
 * SIGKILL, a torn last log line is shrugged off, corruption elsewhere is
 * refused, Dates survive, logs are compacted, and one process holds a data
 * directory at a time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../../../../cloudfunctions/_lib/store/embedded';
import type { Doc } from '../../../../../cloudfunctions/_lib/store/port';

const ROOT = join(__dirname, '../../../../..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-durability-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Item extends Doc {
  n: number;
  group: string;
  at: Date;
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('crash safety', () => {
  test('every write acknowledged before a SIGKILL is there after reopening', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/store-writer-child.ts'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let lastCounter = 0;
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': it fires only after every ack still in the pipe has been read.
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        const counter = /^ack counter (\d+)$/.exec(line);
        if (counter) lastCounter = Number(counter[1]);
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
      if (acked.length >= 400) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toBe('');
    expect(acked.length).toBeGreaterThanOrEqual(400);

    const store = createEmbeddedStore({ dir, indexes: { items: ['group'] } });
    try {
      const items = store.collection<Item>('items');
      const present = new Set((await items.find({}, { projection: { _id: 1 } })).map((d) => d._id));
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
      // It may hold a few more than were acknowledged (written, killed before printing), never fewer.
      expect(present.size).toBeGreaterThanOrEqual(acked.length);
      expect(present.size).toBeLessThanOrEqual(acked.length + 1);
      const last = await items.get(acked[acked.length - 1]);
      expect(last?.at).toBeInstanceOf(Date);
      const counter = await store.collection<Doc & { value: number }>('counters').get('c');
      expect(counter?.value).toBeGreaterThanOrEqual(lastCounter);
      // Index and scan agree after replay.
      expect(await items.count({ group: 'g3' })).toBe((await items.find({})).filter((d) => d.group === 'g3').length);
      // And the store keeps working.
      await items.insert({ _id: 'after-crash', n: -1, group: 'g0', at: new Date(0) });
    } finally {
      await store.close();
    }
  }, 15_000);

  test('a torn last line is dropped and truncated away; the next write lands on a clean line', async () => {
    const file = join(dir, 'items.jsonl');
    let store = createEmbeddedStore({ dir });
    for (let n = 0; n < 3; n++)
      await store.collection<Item>('items').insert({ _id: `i${n}`, n, group: 'g', at: new Date(n) });
    await store.close();
    appendFileSync(file, '{"op":"put","doc":{"_id":"i3","n":3,"gro');

    store = createEmbeddedStore({ dir });
    expect((await store.collection('items').find({})).map((d) => d._id)).toEqual(['i0', 'i1', 'i2']);
    await store.collection<Item>('items').insert({ _id: 'i4', n: 4, group: 'g', at: new Date(4) });
    await store.close();

    for (const line of lines(file)) expect(() => JSON.parse(line)).not.toThrow();
    store = createEmbeddedStore({ dir });
    expect((await store.collection('items').find({})).map((d) => d._id)).toEqual(['i0', 'i1', 'i2', 'i4']);
    await store.close();
  });

  test('a complete last entry without its newline is kept, and later appends start a new line', async () => {
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, '{"op":"put","doc":{"_id":"a","n":1}}\n{"op":"put","doc":{"_id":"b","n":2}}');
    let store = createEmbeddedStore({ dir });
    await store.collection('items').insert({ _id: 'c' });
    await store.close();
    expect(lines(file)).toHaveLength(3);
    store = createEmbeddedStore({ dir });
    expect(await store.collection('items').count({})).toBe(3);
    await store.close();
  });

  test('a corrupt line in the middle of a log refuses to open, naming file and line', () => {
    writeFileSync(
      join(dir, 'items.jsonl'),
      '{"op":"put","doc":{"_id":"a"}}\n{"op":"put","doc":{"_id":"b"}}\nGARBAGE\n{"op":"put","doc":{"_id":"c"}}\n',
    );
    expect(() => createEmbeddedStore({ dir })).toThrow(/items\.jsonl: line 3 is corrupt/);
  });

  test('Dates survive the log as Dates', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    let store = createEmbeddedStore({ dir });
    await store.collection('items').insert({ _id: 'a', at, nested: { list: [at] } } as Doc);
    await store.collection('items').updateOne({ _id: 'a' }, { $set: { later: new Date(at.getTime() + 1) } });
    await store.close();
    expect(readFileSync(join(dir, 'items.jsonl'), 'utf8')).toContain('{"$date":"2026-03-04T05:06:07.089Z"}');
    store = createEmbeddedStore({ dir });
    const doc = (await store.collection('items').get('a')) as unknown as {
      at: Date;
      nested: { list: Date[] };
      later: Date;
    };
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.toISOString()).toBe(at.toISOString());
    expect(doc.nested.list[0]).toEqual(at);
    expect(doc.later.getTime()).toBe(at.getTime() + 1);
    expect(await store.collection('items').count({ at: { $gte: at } })).toBe(1);
    await store.close();
  });

  test('a log much larger than its live data is compacted on open (temp file + rename)', async () => {
    const file = join(dir, 'counters.jsonl');
    let store = createEmbeddedStore({ dir });
    const counters = store.collection<Doc & { value: number }>('counters');
    await counters.insert({ _id: 'keep', value: 0 });
    await counters.insert({ _id: 'gone', value: 0 });
    for (let i = 0; i < 1100; i++) await counters.updateOne({ _id: 'keep' }, { $inc: { value: 1 } });
    await counters.deleteOne({ _id: 'gone' });
    await store.close();
    expect(lines(file).length).toBe(1103);

    store = createEmbeddedStore({ dir });
    expect(lines(file)).toEqual(['{"op":"put","doc":{"_id":"keep","value":1100}}']);
    expect(await store.collection('counters').find({})).toEqual([{ _id: 'keep', value: 1100 }]);
    await store.collection<Doc & { value: number }>('counters').updateOne({ _id: 'keep' }, { $inc: { value: 1 } });
    await store.close();
    store = createEmbeddedStore({ dir });
    expect(await store.collection('counters').get('keep')).toEqual({ _id: 'keep', value: 1101 });
    await store.close();
  });
});

describe('one process per data directory', () => {
  it('a second process is refused while the first holds the directory; a dead holder’s lock is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hqn-lock-'));
    const store = createEmbeddedStore({ dir });
    await store.collection('items').insert({ _id: 'a' });
    let message = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/store-writer-child.ts'), dir, '1'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      message = String((e as { stderr: string }).stderr);
    }
    expect(message).toContain(`data directory ${dir} is in use by process ${process.pid}`);
    await store.close();
    expect(existsSync(join(dir, '.lock'))).toBe(false);

    // A holder that died without closing (SIGKILL): its pid no longer runs.
    writeFileSync(join(dir, '.lock'), '999999999');
    const again = createEmbeddedStore({ dir });
    expect(await again.collection('items').get('a')).toEqual({ _id: 'a' });
    await again.close();
  });
});
