/**
 * The embedded store: the default on a laptop, in tests and in CI. Only this
 * file is imported from outside the folder; the modules behind it are:
 *
 * - `store.ts`: the port's facade. Documents live in a `Map` by `_id` per
 *   collection; mingo evaluates filters, update operators and aggregation
 *   pipelines, so the same Mongo objects that go to CloudBase work here.
 *   Inside `withTransaction` it refuses, like CloudBase, what would run
 *   outside the transaction there (`checkInTransaction` in ../port.ts).
 * - `log.ts`: with `dir`, every acknowledged write is first appended to
 *   `<dir>/<collection>.jsonl` and fsync'ed. On open the log is replayed; a
 *   torn last line (crash mid-append) is dropped and truncated away,
 *   corruption anywhere else is refused loudly. One process per directory,
 *   enforced by a lock file. Collection names follow CloudBase's rule (2–33
 *   characters of `[a-zA-Z0-9_-]`, starting alphanumeric).
 * - `indexes.ts`: secondary indexes (value → ids) on configured top-level
 *   fields narrow equality / `$in` / anchored-prefix filters before mingo runs.
 * - `transactions.ts`: every write runs synchronously between awaits, so
 *   conditional updates are atomic without locks. Transactions hold an async
 *   mutex that outside reads and writes queue behind (nobody sees uncommitted
 *   data), keep an undo log, and write a commit record to
 *   `_transactions.jsonl`; tx-tagged log lines without a commit are skipped
 *   on replay, so a crash mid-transaction leaves nothing behind.
 * - `rows.ts`: copies, updates, and the fast sort and projection beside mingo.
 */
export { createEmbeddedStore, type EmbeddedStoreOptions } from './store';
