/**
 * One nomination record whichever channel fills it (R4.1): the same fields,
 * the same unique key `periodId:idHash` (R4.6), the same review.
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
import { C, type HistoryEntry, type NominationDoc, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { guardFiling, unlocked } from '../../_lib/filing';
import { enforceEligibility } from '../../_lib/rules';
import { DuplicateKeyError } from '../../_lib/store/port';

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

export function keyOf(deps: ServerDeps, periodId: string, idNumber: string): string {
  return `${periodId}:${deps.crypto.hash(normalizeIdNumber(idNumber))}`;
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

/**
 * Inserts the record, or reuses the key when the existing record is the
 * resubmitting youth's own returned one or is no longer active. Never says
 * whose record blocks the key or where (R4.6).
 */
type SaveParams = {
  key: string;
  periodId: string;
  fields: RecordFields;
  entry: HistoryEntry;
  resubmitter: string | null;
};

export async function saveRecord(
  deps: ServerDeps,
  p: SaveParams,
): Promise<Result<NominationDoc, CodedError<'NOMINATION.DUPLICATE'>>> {
  const existing = await deps.store.collection<NominationDoc>(C.nominations).get(p.key);
  return existing ? reuseRecord(deps, existing, p) : insertRecord(deps, p);
}

async function insertRecord(
  deps: ServerDeps,
  p: SaveParams,
): Promise<Result<NominationDoc, CodedError<'NOMINATION.DUPLICATE'>>> {
  const doc: NominationDoc = {
    _id: p.key,
    periodId: p.periodId,
    ...p.fields,
    createdAt: p.entry.at,
    history: [p.entry],
  };
  try {
    await deps.store.collection<NominationDoc>(C.nominations).insert(doc);
    return ok(doc);
  } catch (e) {
    // A concurrent submit of the same person won the race.
    if (e instanceof DuplicateKeyError) return err(duplicate());
    throw e;
  }
}

/** Where a record that left the running is kept when its person is nominated again. */
export function archivedId(doc: Pick<NominationDoc, '_id' | 'createdAt'>): string {
  return `${doc._id}:${doc.createdAt.getTime()}`;
}

async function reuseRecord(
  deps: ServerDeps,
  existing: NominationDoc,
  p: SaveParams,
): Promise<Result<NominationDoc, CodedError<'NOMINATION.DUPLICATE'>>> {
  const ownReturned =
    p.resubmitter !== null && existing.youthOpenid === p.resubmitter && existing.status === 'returned';
  // The table decides: the youth resubmits their own returned record; a key that left the running is reused.
  if (!transitionFor(NOMINATION_FLOW, existing.status, ownReturned ? 'resubmit' : 'submit')) return err(duplicate());
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  // A resubmission keeps the record's channel, author and history.
  const update = ownReturned
    ? {
        $set: { ...p.fields, channel: existing.channel, createdBy: existing.createdBy },
        $push: { history: { ...p.entry, action: 'resubmit' as const } },
      }
    : { $set: { ...p.fields, createdAt: p.entry.at, confirmation: null, history: [p.entry] } };
  // A reused key starts afresh: the old record, its comments included, stays with the unit that handled it
  // (and keeps its erasure date), under an id of its own; the new unit sees none of it.
  if (!ownReturned) await nominations.insert({ ...existing, _id: archivedId(existing) });
  const matched = await nominations.updateOne({ _id: p.key, status: existing.status }, update);
  const saved = matched === 0 ? null : await nominations.get(p.key);
  return saved ? ok(saved) : err(duplicate());
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
