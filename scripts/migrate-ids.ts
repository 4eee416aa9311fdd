/**
 * `npm run migrate-ids`: gives every nomination of the first release a random id (issue 8 §9). Those records had
 * the person's uniqueness key as their id (`<periodId>:<idHash>`, and `<periodId>:<idHash>:<time>` once archived),
 * so the audit trail, the public notice and links carried an id derived from the ID number.
 *
 *   npm run migrate-ids                     the local store (default .data, or HQN_DATA_DIR; stop `npm start` first)
 *   npm run migrate-ids -- --data-dir DIR
 *   npm run migrate-ids -- --cloud          CloudBase: TCB_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
 *
 * One transaction per record, all by id: the record under a random id, the person's `nominationKeys` document
 * pointing at it (for the record that held the key), the objections about it and their counters re-pointed,
 * the audit entries naming it re-targeted, the old record deleted. A crash leaves each record either old or
 * moved; a rerun moves only what is left (new ids never contain `:`). The functions find an unmoved record by
 * its old id meanwhile (`nomination/src/record.ts`), so the command runs while they serve. Prints counts only.
 */
import {
  C,
  type AuditDoc,
  type LimitDoc,
  type NominationDoc,
  type NominationKeyDoc,
  type ObjectionDoc,
} from '../cloudfunctions/_lib/collections';
import { randomId } from '../cloudfunctions/_lib/ids';
import { openObjectionKey } from '../cloudfunctions/_lib/objections';
import type { Store } from '../cloudfunctions/_lib/store/port';
import { openTarget, parseArgs } from './rekey';

const BATCH = 100;
/** Ids of the first release carry `:`; `randomId` never does. */
const LEGACY = { $regex: ':' };

async function moveRecord(tx: Store, old: NominationDoc, newId: string): Promise<void> {
  const nominations = tx.collection<NominationDoc>(C.nominations);
  await nominations.insert({ ...old, _id: newId });
  const key = `${old.periodId}:${old.idHash}`;
  const keys = tx.collection<NominationKeyDoc>(C.nominationKeys);
  const held = await keys.get(key);
  if (held?.nominationId === old._id) {
    await keys.updateOne({ _id: key }, { $set: { nominationId: newId } });
  } else if (!held && old._id === key) {
    await keys.insert({ _id: key, periodId: old.periodId, nominationId: newId, updatedAt: old.updatedAt });
  }
  const objections = tx.collection<ObjectionDoc>(C.objections);
  const limits = tx.collection<LimitDoc>(C.limits);
  for (const o of await objections.find({ nominationId: old._id })) {
    await objections.updateOne({ _id: o._id }, { $set: { nominationId: newId } });
    const counter = await limits.get(openObjectionKey(old._id, o.filedBy));
    if (counter) {
      await limits.insert({ ...counter, _id: openObjectionKey(newId, o.filedBy) });
      await limits.deleteOne({ _id: counter._id });
    }
  }
  const audit = tx.collection<AuditDoc>(C.audit);
  for (const a of await audit.find({ target: `nominations/${old._id}` }, { projection: { _id: 1 } })) {
    await audit.updateOne({ _id: a._id }, { $set: { target: `nominations/${newId}` } });
  }
  for (const a of await audit.find({ 'details.nominationId': old._id }, { projection: { _id: 1 } })) {
    await audit.updateOne({ _id: a._id }, { $set: { 'details.nominationId': newId } });
  }
  await nominations.deleteOne({ _id: old._id });
}

/** Moves every record with a first-release id; returns how many it moved. */
export async function migrateNominationIds(store: Store, newId: () => string = () => randomId(16)): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await store.collection<NominationDoc>(C.nominations).find({ _id: LEGACY }, { limit: BATCH });
    for (const old of batch) {
      await store.withTransaction(async (tx) => {
        // Read again inside: a function may have changed the record since the batch was read.
        const current = await tx.collection<NominationDoc>(C.nominations).get(old._id);
        if (current) await moveRecord(tx, current, newId());
      });
      moved += 1;
    }
    if (batch.length < BATCH) return moved;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env);
  const { store } = openTarget(args, process.env);
  try {
    console.log(`moved ${await migrateNominationIds(store)} nominations to random ids`);
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`migrate-ids: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
