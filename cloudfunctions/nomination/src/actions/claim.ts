import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type NominationDoc } from '../../../_lib/collections';
import { hasCurrentConsent } from '../../../_lib/consent';
import type { ServerDeps } from '../../../_lib/deps';
import type { Handler } from '../../../_lib/router';
import { currentPeriod, getOrg } from '../../../_lib/queries';
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
