import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { perUserPerHour, type AttemptLimit } from '../../../_lib/attempts';
import { C, type AccountDoc, type NominationDoc } from '../../../_lib/collections';
import { hasCurrentConsent } from '../../../_lib/consent';
import type { ServerDeps } from '../../../_lib/deps';
import type { Guards, Handler } from '../../../_lib/router';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import { claimRecordKey } from '../../../_lib/claim-keys';
import { holderOf, personKey } from '../record';
import { toView } from '../view';

const invalid = () => err(appError('CLAIM.INVALID', 'claim code or ID number does not match'));

/**
 * The youth takes over a unit-entered record. Passing needs both the one-time
 * code the unit handed over and the youth's own ID number; every mismatch
 * gives the same answer, so the call reveals nothing about who is nominated.
 */
/** The unclaimed unit-channel record matching both the ID number and the code, or null (one answer for every mismatch). */
async function claimable(
  deps: ServerDeps,
  periodId: string,
  input: { claimCode: string; idNumber: string },
): Promise<NominationDoc | null> {
  const doc = await holderOf(deps, personKey(deps, periodId, input.idNumber));
  const open =
    doc !== null &&
    doc.channel === 'unit' &&
    doc.youthOpenid === null &&
    doc.status !== 'withdrawn' &&
    doc.status !== 'voided';
  return open && doc.claimCodeHash === deps.crypto.hash(`claim:${input.claimCode}`) ? doc : null;
}

/** Wrong claims a user may make in a clock hour, and a record may take before its code is void (issue 8 §11). */
export const CLAIM_TRIES_PER_USER_HOUR = 5;
export const CLAIM_TRIES_PER_RECORD = 10;
const RECORD_COUNTER_MS = 30 * 86_400_000;

/**
 * A claim counts against the user's hour and against the record the ID number names; once the record has taken
 * its wrong tries its code is voided, so only a reissued code claims it.
 */
export const claimGuard: NonNullable<Guards<typeof nominationContract.actions>['claim']> = {
  wrong: ['CLAIM.INVALID'],
  exceeded: appError('CLAIM.TOO_MANY_ATTEMPTS', 'too many wrong claim attempts'),
  async limits(input, { deps, actor, now }) {
    const limits: AttemptLimit[] = [perUserPerHour('claim', actor.openid, now, CLAIM_TRIES_PER_USER_HOUR)];
    const period = await currentPeriod(deps, now);
    if (!period) return limits;
    // The counter is named by the record's random id, never by anything derived from the ID number.
    const record = await holderOf(deps, personKey(deps, period._id, input.idNumber));
    if (!record) return limits;
    limits.push({
      key: claimRecordKey(record._id),
      limit: CLAIM_TRIES_PER_RECORD,
      expiresAt: new Date(now.getTime() + RECORD_COUNTER_MS),
      onExhausted: async (tx, at) => {
        await tx.store
          .collection<NominationDoc>(C.nominations)
          .updateOne({ _id: record._id, youthOpenid: null }, { $set: { claimCodeHash: null, updatedAt: at } });
      },
    });
    return limits;
  },
};

export const claim: Handler<typeof nominationContract.actions.claim> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  // The ID number is processed (hashed) even to match: the separate consent comes first.
  if (!(await hasCurrentConsent(deps, actor.openid))) {
    return err(appError('CONSENT.REQUIRED', 'personal-information consent required'));
  }
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const doc = await claimable(deps, period._id, input);
  if (!doc) return invalid();
  const youthGrant = actor.grants.find((g) => g.role === 'youth');
  if (youthGrant && youthGrant.orgId !== doc.unitId)
    return err(appError('ACCOUNT.ALREADY_BOUND', 'bound to another unit'));

  const entry = { at: now, action: 'claim' as const, actor: actor.openid, actorName: doc.name, comment: null };
  const matched = await nominations.updateOne(
    { _id: doc._id, youthOpenid: null, claimCodeHash: doc.claimCodeHash },
    { $set: { youthOpenid: actor.openid, claimCodeHash: null, updatedAt: now }, $push: { history: entry } },
  );
  if (matched === 0) return invalid();
  if (!youthGrant) await bindYouth(ctx.deps, actor, doc, now);
  ctx.audit({ target: `nominations/${doc._id}`, details: { unitId: doc.unitId } });
  return ok({ nomination: await viewOf(deps, doc._id, now) });
};

async function viewOf(deps: ServerDeps, id: string, now: Date) {
  const saved = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  if (!saved) throw new Error('nomination vanished after write');
  const unit = await getOrg(deps, saved.unitId);
  return toView(saved, unit?.name ?? '', now);
}

async function bindYouth(
  deps: ServerDeps,
  actor: { openid: string; registered: boolean; storedGrants: AccountDoc['grants'] },
  doc: NominationDoc,
  now: Date,
): Promise<void> {
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  const grants = [...actor.storedGrants, { role: 'youth' as const, orgId: doc.unitId }];
  if (actor.registered) await accounts.updateOne({ _id: actor.openid }, { $set: { grants, updatedAt: now } });
  else await accounts.insert({ _id: actor.openid, displayName: doc.name, grants, createdAt: now, updatedAt: now });
}
