/**
 * One nomination record whichever channel fills it (R4.1): the same fields,
 * the same uniqueness key per person and period (R4.6), the same review.
 */
import type { NominationForm } from '../../../miniprogram/core/contracts/nomination-form';
import type { Eligible } from '../../../miniprogram/core/eligibility';
import { appError, type CodedError, type EligibilityCode } from '../../../miniprogram/core/errors';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../../../miniprogram/core/id-number';
import { arrivalStatus, NOMINATION_FLOW, type Channel } from '../../../miniprogram/core/nomination';
import { transitionFor } from '../../../miniprogram/core/workflow';
import { degreeFits } from '../../../miniprogram/core/profile';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import type { PeriodView } from '../../../miniprogram/core/contracts/account';
import { C, type HistoryEntry, type NominationDoc, type NominationKeyDoc, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import type { Actor } from '../../_lib/identity';
import { getOrg } from '../../_lib/queries';
import { refusalThatRecords, type ActionContext } from '../../_lib/router';
import { guardFiling, unlocked } from '../../_lib/filing';
import { enforceEligibility } from '../../_lib/rules';

export type RecordFields = Omit<NominationDoc, '_id' | 'periodId' | 'createdAt' | 'history'>;

/** R2 checks of the whole form: eligibility (incl. attestations), then the degree/education pairing. */
export function checkForm(
  form: NominationForm,
  period: PeriodView,
  now: Date,
): Result<Eligible, CodedError<'PROFILE.DEGREE_MISMATCH' | EligibilityCode>> {
  const verdict = enforceEligibility(form, period, now);
  if (!verdict.ok) return verdict;
  if (!degreeFits(form.education, form.degree)) {
    return err(appError('PROFILE.DEGREE_MISMATCH', 'degree does not fit education', { field: 'degree' }));
  }
  return verdict;
}

/**
 * The person's uniqueness key in a period (R4.6): `periodId:HMAC(ID number)`. It names the document in
 * `nominationKeys` that points at the record holding the person's one place; the record itself has a random
 * id, so nothing that names a record (audit, public notice, links) is derived from the ID number.
 */
export function personKey(deps: ServerDeps, periodId: string, idNumber: string): string {
  return `${periodId}:${deps.crypto.hash(normalizeIdNumber(idNumber))}`;
}

/** The record holding the person's place this period, through the uniqueness key (null when none does). */
export async function holderOf(deps: ServerDeps, key: string): Promise<NominationDoc | null> {
  return (await heldBy(deps, key)).holder;
}

/**
 * The key document and the record it names. Records of the first release had the key itself as their id and
 * no key document: such a record is found by that id (by id, so still transactional) until
 * `npm run migrate-ids` has given it a random id and a key document.
 */
async function heldBy(deps: ServerDeps, key: string) {
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const held = await deps.store.collection<NominationKeyDoc>(C.nominationKeys).get(key);
  const holder = await nominations.get(held ? held.nominationId : key);
  return { held, holder };
}

export function recordFields(
  deps: ServerDeps,
  p: {
    form: NominationForm;
    eligible: Eligible;
    unit: OrgDoc;
    channel: Channel;
    youthOpenid: string | null;
    createdBy: string;
    now: Date;
    /** Issue 9 §3: the unit's list is filed and locked, so the record is held until it is reopened. */
    listLocked?: boolean;
  },
): RecordFields {
  const { form } = p;
  const idNumber = normalizeIdNumber(form.idNumber);
  return {
    channel: p.channel,
    status: arrivalStatus(p.listLocked ?? false),
    youthOpenid: p.youthOpenid,
    unitId: p.unit._id,
    category: p.unit.category ?? 'other_grassroots',
    districtId: p.unit.districtId,
    name: form.name,
    idHash: deps.crypto.hash(idNumber),
    idNumberEnc: deps.crypto.encrypt(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    phoneEnc: deps.crypto.encrypt(form.phone),
    phoneMasked: maskPhone(form.phone),
    birthDate: p.eligible.birthDate,
    sex: p.eligible.sex,
    education: form.education,
    degree: form.degree,
    politicalStatus: form.politicalStatus,
    duty: form.duty ?? '',
    post: form.post,
    title: form.title ?? '',
    skillLevel: form.skillLevel ?? '',
    onStaff: form.onStaff,
    attestations: { ...form.attestations },
    deeds: form.deeds,
    photoFileId: form.photoFileId ?? null,
    showcaseConsent: form.showcaseConsent,
    claimCodeHash: null,
    createdBy: p.createdBy,
    submittedAt: p.now,
    withdrawnAt: null,
    eraseAfter: null,
    updatedAt: p.now,
  };
}

const duplicate = () => appError('NOMINATION.DUPLICATE', 'a nomination already exists this period');

/** A refused save: the record holding the person's place, for the caller to describe or flag (never shown as is). */
export type SaveRefusal = { ok: false; error: CodedError<'NOMINATION.DUPLICATE'>; holder: NominationDoc | null };

type SaveParams = {
  /** The person's uniqueness key (`personKey`). */
  key: string;
  periodId: string;
  fields: RecordFields;
  entry: HistoryEntry;
  resubmitter: string | null;
};

/**
 * Saves the record under the person's uniqueness key (R4.6), all by id so it is transactional on CloudBase:
 * a new record with a random id when the key is free or its holder left the running (withdrawn, rejected,
 * voided, erased); the youth's own returned record when they resubmit it; otherwise a refusal naming the
 * holder. A concurrent first save of the same person makes the key's insert fail and the transaction run again.
 */
export async function saveRecord(
  deps: ServerDeps,
  p: SaveParams,
): Promise<{ ok: true; value: NominationDoc } | SaveRefusal> {
  const keys = deps.store.collection<NominationKeyDoc>(C.nominationKeys);
  const { held, holder } = await heldBy(deps, p.key);
  if (holder) {
    const ownReturned = p.resubmitter !== null && holder.youthOpenid === p.resubmitter && holder.status === 'returned';
    if (ownReturned) return resubmit(deps, holder, p);
    // The table decides: a key whose record left the running can carry a fresh nomination.
    if (!transitionFor(NOMINATION_FLOW, holder.status, 'submit')) return { ok: false, error: duplicate(), holder };
  }
  const doc: NominationDoc = {
    _id: deps.randomId(16),
    periodId: p.periodId,
    ...p.fields,
    createdAt: p.entry.at,
    history: [p.entry],
  };
  await deps.store.collection<NominationDoc>(C.nominations).insert(doc);
  if (held) {
    // Conditional on the holder read: a concurrent save that took the key first wins, this one is refused.
    const moved = await keys.updateOne(
      { _id: p.key, nominationId: held.nominationId },
      { $set: { nominationId: doc._id, updatedAt: p.entry.at } },
    );
    if (moved === 0) return { ok: false, error: duplicate(), holder: null };
  } else {
    await keys.insert({ _id: p.key, periodId: p.periodId, nominationId: doc._id, updatedAt: p.entry.at });
  }
  // The old record, its comments included, stays with the unit that handled it (and keeps its erasure date).
  return ok(doc);
}

/** The youth resubmits their own returned record: it keeps its id, channel, author and history. */
async function resubmit(
  deps: ServerDeps,
  existing: NominationDoc,
  p: SaveParams,
): Promise<{ ok: true; value: NominationDoc } | SaveRefusal> {
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const matched = await nominations.updateOne(
    { _id: existing._id, status: 'returned' },
    {
      $set: { ...p.fields, channel: existing.channel, createdBy: existing.createdBy },
      $push: { history: { ...p.entry, action: 'resubmit' as const } },
    },
  );
  const saved = matched === 0 ? null : await nominations.get(existing._id);
  return saved ? ok(saved) : { ok: false, error: duplicate(), holder: existing };
}

/** At most this many contesting units are remembered on a record. */
const MAX_CONTESTING_UNITS = 10;

/**
 * Issue 8 §6: a refused duplicate. When the number is held by another unit's record (and not the caller's
 * own), that record is flagged as contested — atomically, in this call's transaction, which therefore
 * commits although the call is refused (`refusalThatRecords`: nothing else has been written by then). A cadre
 * is told where the other record is (unit and status, never who entered it); a youth learns nothing.
 */
export async function refuseDuplicate(
  ctx: ActionContext & { actor: Actor },
  refusal: SaveRefusal,
  attempt: { unit: OrgDoc; channel: Channel },
) {
  const holder = refusal.holder;
  const generic = appError('NOMINATION.DUPLICATE', 'a nomination already exists this period');
  if (!holder) return err(generic);
  const contested = holder.unitId !== attempt.unit._id && holder.youthOpenid !== ctx.actor.openid;
  if (contested) await flagContest(ctx, holder, attempt);
  const error =
    attempt.channel === 'unit'
      ? appError('NOMINATION.DUPLICATE', 'the ID number is held by another record this period', {
          heldByUnit: (await getOrg(ctx.deps, holder.unitId))?.name ?? '',
          heldStatus: holder.status,
        })
      : generic;
  return contested ? refusalThatRecords(error) : err(error);
}

/** Marks the holding record as contested (how often, when last, by which units) and audits it. */
async function flagContest(ctx: ActionContext, holder: NominationDoc, attempt: { unit: OrgDoc; channel: Channel }) {
  const before = holder.contest ?? { count: 0, unitIds: [] };
  const unitIds = [...new Set([...before.unitIds, attempt.unit._id])].slice(-MAX_CONTESTING_UNITS);
  await ctx.deps.store
    .collection<NominationDoc>(C.nominations)
    .updateOne({ _id: holder._id }, { $set: { contest: { count: before.count + 1, lastAt: ctx.now, unitIds } } });
  ctx.audit({
    target: `nominations/${holder._id}`,
    details: { contested: true, channel: attempt.channel, byUnitId: attempt.unit._id },
  });
}

/**
 * Issue 9 §3: whether the unit's list is filed and locked (a new record is then held). When it is open, the list's
 * guard is written, so a filing committing meanwhile makes one of the two run again and a record never lands as
 * 待审核 in a locked list.
 */
export async function listLocked(deps: ServerDeps, periodId: string, unit: OrgDoc, now: Date): Promise<boolean> {
  if (!(await unlocked(deps, periodId, unit)).ok) return true;
  await guardFiling(deps, periodId, unit, now);
  return false;
}
