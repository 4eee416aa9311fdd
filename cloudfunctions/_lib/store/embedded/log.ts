/**
 * Durability of the embedded store: an acknowledged write must survive a
 * crash, and a crash must never leave a log that cannot be opened. Each
 * collection has an append-only JSON-lines log that is fsync'ed before a
 * write is acknowledged; replay drops a torn last line, refuses corruption
 * anywhere else, skips lines of transactions without a commit record, and
 * compacts a log that has grown far past its live data. A lock file keeps a
 * second process out of the directory, since two appenders would interleave.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPlainObject } from '../port';
import type { Change, Row } from './rows';

const LOG_EXT = '.jsonl';
const TX_LOG = '_transactions.jsonl';
const LOCK_FILE = '.lock';
/** Compact on open once the log has this many lines and more than twice as many as live documents. */
const COMPACT_MIN_LINES = 1000;
/**
 * CloudBase's own rule, so a name that works here also works in the cloud. It
 * also keeps collection logs apart from `_transactions.jsonl` and safe as file names.
 */
const COLLECTION_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{1,32}$/;

export function isCollectionName(name: string): boolean {
  return COLLECTION_NAME.test(name);
}

/* ------------------------------------------------------------------ codec */

type LogOp = { op: 'put'; doc: Row; tx?: string } | { op: 'del'; _id: string; tx?: string };

/** JSON with Dates boxed as `{"$date": iso}`; the replacer looks at the raw value because `Date#toJSON` runs first. */
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
    return encoded;
  });
}

function isDateBox(value: unknown): value is { $date: string | null } {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$date' && (typeof value.$date === 'string' || value.$date === null);
}

function decode(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (isDateBox(value) ? new Date(value.$date ?? NaN) : value));
}

function parseOp(value: unknown): LogOp | undefined {
  if (!isPlainObject(value)) return undefined;
  const tx = value.tx;
  if (tx !== undefined && typeof tx !== 'string') return undefined;
  if (value.op === 'put' && isPlainObject(value.doc) && typeof value.doc._id === 'string') {
    return { op: 'put', doc: value.doc as Row, tx };
  }
  if (value.op === 'del' && typeof value._id === 'string') return { op: 'del', _id: value._id, tx };
  return undefined;
}

function parseCommit(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.commit === 'string' ? value.commit : undefined;
}

/* ------------------------------------------------------------ files on disk */

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename/create is still ordered after the data fsync.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

interface LineSpan {
  start: number;
  end: number;
  terminated: boolean;
}

/** Byte spans of the lines in `buf` (a UTF-8 multi-byte sequence never contains 0x0a). */
function splitLines(buf: Buffer): LineSpan[] {
  const lines: LineSpan[] = [];
  for (let start = 0; start < buf.length;) {
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    lines.push({ start, end, terminated: nl !== -1 });
    start = end + 1;
  }
  return lines;
}

function parseLine<T>(line: string, parse: (value: unknown) => T | undefined): T | undefined {
  try {
    return parse(decode(line));
  } catch {
    return undefined;
  }
}

/**
 * Reads a JSON-lines log. The last non-blank line may be torn by a crash in
 * the middle of an append: if it does not parse it is dropped and the file is
 * truncated before it, so the next append starts on a clean line. A bad line
 * anywhere else cannot come from a torn append, so it is an error.
 */
function readLog<T>(file: string, parse: (value: unknown) => T | undefined): T[] {
  if (!fs.existsSync(file)) return [];
  const buf = fs.readFileSync(file);
  const lines = splitLines(buf);
  const text = (i: number): string => buf.toString('utf8', lines[i].start, lines[i].end);
  let last = lines.length - 1;
  while (last >= 0 && text(last).trim() === '') last--;

  const out: T[] = [];
  for (let i = 0; i <= last; i++) {
    const line = text(i);
    if (line.trim() === '') continue;
    const value = parseLine(line, parse);
    if (value !== undefined) {
      out.push(value);
    } else if (i === last) {
      fs.truncateSync(file, lines[i].start);
      return out;
    } else {
      throw new Error(
        `${file}: line ${i + 1} is corrupt and is not the last line, so it is not a torn write; ` +
          'refusing to open the store (restore the file from a backup or remove the bad line by hand)',
      );
    }
  }
  // A complete last entry whose newline never made it: add it so the next append starts a new line.
  if (last >= 0 && !lines[last].terminated) fs.appendFileSync(file, '\n');
  return out;
}

/** Rewrites a log as one `put` per live document: temp file, fsync, atomic rename, fsync the directory. */
function rewriteLog(file: string, docs: Iterable<Row>): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    let chunk: string[] = [];
    const flush = (): void => {
      if (chunk.length) fs.writeSync(fd, chunk.join(''));
      chunk = [];
    };
    for (const doc of docs) {
      chunk.push(`${encode({ op: 'put', doc })}\n`);
      if (chunk.length >= 1000) flush();
    }
    flush();
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

class AppendLog {
  private fd: number | undefined;
  private size: number;

  constructor(readonly file: string) {
    const existed = fs.existsSync(file);
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
    // A new file is only durable once its directory entry is.
    if (!existed) fsyncDir(path.dirname(file));
  }

  /** Appends and fsyncs before returning: the caller acknowledges the write only after this. */
  append(text: string): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.file} is closed`);
    const buf = Buffer.from(text, 'utf8');
    try {
      for (let off = 0; off < buf.length;) off += fs.writeSync(fd, buf, off);
      fs.fsyncSync(fd);
    } catch (error) {
      // A failed write (disk full...) may leave half a line; cut it off, or the next
      // successful append would glue onto it and corrupt the middle of the log.
      try {
        fs.ftruncateSync(fd, this.size);
      } catch {
        // Nothing more to do: on reopen a torn tail is dropped anyway.
      }
      throw error;
    }
    this.size += buf.length;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/* ---------------------------------------------------------- directory lock */

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data directory: two writers appending to the same logs
 * would interleave and lose acknowledged writes. A lock left by a process
 * that died (SIGKILL, power loss) is taken over.
 */
function acquireLock(dir: string): string {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new Error(`data directory ${dir} is in use by process ${holder}; stop it first`);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}

/* ----------------------------------------------------------------- journal */

/** What replay fills: one collection's documents in memory. */
export interface Replica {
  readonly size: number;
  set(doc: Row): void;
  delete(id: string): void;
  all(): Row[];
}

/** The logs of one data directory, held under its lock from `open` to `close`. */
export class Journal {
  private readonly logs = new Map<string, AppendLog>();
  private txLog: AppendLog | undefined;

  private constructor(
    private readonly dir: string,
    private readonly lockFile: string,
  ) {}

  /** Locks `dir` and replays every collection log found there into `replica(name)`. */
  static open(dir: string, replica: (name: string) => Replica): Journal {
    fs.mkdirSync(dir, { recursive: true });
    const journal = new Journal(dir, acquireLock(dir));
    const files = fs.readdirSync(dir);
    // Leftovers of a compaction that crashed before its rename: the original log is still intact.
    for (const f of files) if (f.endsWith(`${LOG_EXT}.tmp`)) fs.rmSync(path.join(dir, f), { force: true });
    const committed = new Set(readLog(path.join(dir, TX_LOG), parseCommit));
    for (const f of files) {
      const name = f.slice(0, -LOG_EXT.length);
      if (f.endsWith(LOG_EXT) && f !== TX_LOG && isCollectionName(name)) {
        replay(replica(name), path.join(dir, f), committed);
      }
    }
    return journal;
  }

  /** Durable once it returns. Lines tagged with `tx` count on replay only after `commit(tx)`. */
  append(collection: string, changes: Change[], tx: string | undefined): void {
    let log = this.logs.get(collection);
    if (!log) this.logs.set(collection, (log = new AppendLog(path.join(this.dir, collection + LOG_EXT))));
    const tag = tx ? { tx } : {};
    log.append(
      changes
        .map((c) => encode(c.after ? { op: 'put', doc: c.after, ...tag } : { op: 'del', _id: c.id, ...tag }) + '\n')
        .join(''),
    );
  }

  /**
   * Rewrites every collection log from the live documents and empties the commit records, so deleted and
   * overwritten versions are gone from disk (the erasure needs that). The caller holds the engine exclusively:
   * no transaction is open, so the replicas are exactly what replay would rebuild.
   */
  compact(replicas: Iterable<{ name: string; rows: Iterable<Row> }>): void {
    for (const { name, rows } of replicas) {
      const file = path.join(this.dir, name + LOG_EXT);
      // The open handle points at the file rename replaces: close it, the next append opens the new one.
      this.logs.get(name)?.close();
      this.logs.delete(name);
      if (fs.existsSync(file)) rewriteLog(file, rows);
    }
    // Every remaining line is untagged, so no commit record is needed any more.
    this.txLog?.close();
    this.txLog = undefined;
    const txFile = path.join(this.dir, TX_LOG);
    if (fs.existsSync(txFile)) rewriteLog(txFile, []);
  }

  commit(tx: string): void {
    this.txLog ??= new AppendLog(path.join(this.dir, TX_LOG));
    this.txLog.append(`${encode({ commit: tx })}\n`);
  }

  close(): void {
    fs.rmSync(this.lockFile, { force: true });
    for (const log of this.logs.values()) log.close();
    this.txLog?.close();
  }
}

function replay(replica: Replica, file: string, committed: Set<string>): void {
  const ops = readLog(file, parseOp);
  for (const op of ops) {
    if (op.tx !== undefined && !committed.has(op.tx)) continue; // a transaction that never committed
    if (op.op === 'put') replica.set(op.doc);
    else replica.delete(op._id);
  }
  if (ops.length > COMPACT_MIN_LINES && ops.length > 2 * replica.size) rewriteLog(file, replica.all());
}
