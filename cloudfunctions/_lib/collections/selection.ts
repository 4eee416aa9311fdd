/**
 * The selection area's collections (选培, R2–R8): nominations and the youth's
 * drafts, the units' quota counters, the filed lists and the objections from
 * the public notice. The nomination, admin, notice, export and cron functions
 * work on them.
 */
import type { Channel, NominationEvent, NominationStatus } from '../../../miniprogram/core/nomination';
import type { UnitCategory } from '../../../miniprogram/core/org';
import type { OnBehalf } from '../../../miniprogram/core/review';
import type { FilingKind, FilingState, ScanKind } from '../../../miniprogram/core/filing';
import type { Sex } from '../../../miniprogram/core/id-number';
import type { Attestation, Degree, Education, PoliticalStatus } from '../../../miniprogram/core/profile';
import type { NominationDraft } from '../../../miniprogram/core/contracts/nomination-form';
import { collection, defineCollections } from './define';

export interface HistoryEntry {
  at: Date;
  action: NominationEvent | 'claim';
  actor: string;
  actorName: string;
  comment: string | null;
  /** The district or the city decided for a unit without an admin (issue 9 §2). */
  onBehalf?: OnBehalf;
}

export interface NominationDoc {
  /**
   * Random (`_lib/ids.ts`): nothing that names the record — the audit trail, the public notice, links — is
   * derived from personal data. One nomination per person and period is the `nominationKeys` document (R4.6).
   */
  _id: string;
  periodId: string;
  channel: Channel;
  status: NominationStatus;
  youthOpenid: string | null;
  unitId: string;
  /** The unit's category, kept on the record so rosters filter without a join. */
  category: UnitCategory;
  /** Null for city-level units, which file directly with the city (R4.4). */
  districtId: string | null;
  name: string;
  /** Keyed hash of the ID number: the person's uniqueness key is `${periodId}:${idHash}` (`nominationKeys`). */
  idHash: string;
  idNumberEnc: string;
  idNumberMasked: string;
  phoneEnc: string;
  phoneMasked: string;
  birthDate: string;
  sex: Sex;
  education: Education;
  degree: Degree;
  politicalStatus: PoliticalStatus;
  duty: string;
  post: string;
  title: string;
  skillLevel: string;
  onStaff: boolean;
  attestations: Record<Attestation, boolean>;
  deeds: string;
  photoFileId: string | null;
  /** R8.1 the deeds may be shown publicly. */
  showcaseConsent: boolean;
  /** Unit channel: keyed hash of the one-time code the youth uses to claim the record. */
  claimCodeHash: string | null;
  /** R4.2 the approving reviewer's confirmation of on-staff status and the three criteria. */
  confirmation?: { by: string; byName: string; at: Date } | null;
  /** Who entered the record (the youth, or the unit admin for 组织推荐). */
  createdBy: string;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  /** R9.2 when the withdrawn or voided record's personal data is erased. */
  eraseAfter: Date | null;
  /**
   * Issue 8 §6: another nomination of the same ID number was refused while this record held it (someone may
   * have entered a stranger's number). The holding unit's reviewers and the district see the flag; never who.
   */
  contest?: { count: number; lastAt: Date; unitIds: string[] } | null;
  /** PIPL art. 47: the youth withdrew the consent to processing the ID number and phone (README). */
  consentWithdrawnAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

/**
 * R4.6 one nomination per person and period: the document under the person's key (`periodId:HMAC(ID number)`)
 * names the record holding the place. Taken and moved by id inside the saving transaction, deleted by the
 * erasure of the record it names.
 */
export interface NominationKeyDoc {
  _id: string;
  periodId: string;
  nominationId: string;
  updatedAt: Date;
}

/** A youth's form in progress, without ID number or phone (those stay on the phone until submit). */
export interface DraftDoc {
  _id: string; // periodId:openid
  periodId: string;
  openid: string;
  fields: Omit<NominationDraft, 'idNumber' | 'phone'>;
  updatedAt: Date;
}

/** R3 one counter per (period, unit): `used` approved places against `limit`. */
export interface QuotaDoc {
  _id: string; // periodId:unitId
  periodId: string;
  unitId: string;
  districtId: string | null;
  category: UnitCategory;
  /** R3.1 from the head-count when the counter was created. */
  suggested: number;
  /** R3.2 set by the district or city, with the reason. */
  override: number | null;
  overrideReason: string | null;
  limit: number;
  used: number;
  updatedAt: Date;
}

/** R4.4 one filing per subject: a self-filing unit, or a district's other grassroots units. */
export interface FilingDoc {
  _id: string; // periodId:kind:orgId
  periodId: string;
  kind: FilingKind;
  orgId: string;
  districtId: string | null;
  state: FilingState;
  approvedRows: number;
  filedAt: Date | null;
  filedBy: string | null;
  filedByName: string | null;
  reopenReason: string | null;
  /** Filed empty with the declaration "本单位本期无推荐人选": its reason (issue 9 §4). */
  emptyReason?: string | null;
  /** R4.5 the stamped table: one PDF or photos one a page, each file with its SHA-256. */
  scan: {
    kind: ScanKind;
    files: Array<{ fileId: string; sha256: string }>;
    pageCount: number;
    confirmedRows: number;
    uploadedBy: string;
    uploadedByName: string;
    at: Date;
  } | null;
  rowMismatch: boolean;
  updatedAt: Date;
}

/** R8 an objection raised during the public notice, routed to the reviewing unit. */
export interface ObjectionDoc {
  _id: string;
  periodId: string;
  nominationId: string;
  unitId: string;
  districtId: string | null;
  content: string;
  /** The objector's optional contact (often a phone): encrypted at rest like every phone (R9.1). */
  contactEnc: string | null;
  /** The name the objector signed with (实名反映; absent on objections filed before it was asked). */
  objectorName?: string;
  filedBy: string;
  createdAt: Date;
  status: 'open' | 'resolved';
  disposition: 'upheld' | 'dismissed' | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/** A unit admin asks its district (the city, for a city-level unit) for more places; the district decides (R3.2). */
export interface QuotaRequestDoc {
  _id: string;
  periodId: string;
  unitId: string;
  districtId: string | null;
  /** The limit the unit asks for, and the one it had when asking. */
  requested: number;
  limitBefore: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedByName: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export const SELECTION = defineCollections([
  collection<NominationDoc>()({
    name: 'nominations',
    indexes: [
      // Review queues, rosters and exports of a unit, then of a district.
      ['periodId', 'unitId', 'status'],
      ['periodId', 'districtId', 'status'],
      // The city's roster filters and the name search (a prefix, so the index answers it).
      ['periodId', 'status', 'category'],
      ['periodId', 'politicalStatus'],
      ['periodId', 'education'],
      ['periodId', 'name'],
      // A youth's own record, also without a period (changing unit).
      ['youthOpenid', 'periodId'],
      // The erasure timer: withdrawn and voided records past their retention, oldest first.
      ['status', 'eraseAfter'],
    ],
    rule: 'closed',
  }),
  // Read by id only; the keys are deleted by the erasure of the record they name.
  collection<NominationKeyDoc>()({ name: 'nominationKeys', indexes: [], rule: 'closed' }),
  // The erasure timer reads drafts untouched past the retention.
  collection<DraftDoc>()({ name: 'drafts', indexes: ['updatedAt', 'openid'], rule: 'closed' }),
  // Dashboards read a district's counters; filing reads a list of units'.
  collection<QuotaDoc>()({
    name: 'quotas',
    indexes: [
      ['periodId', 'districtId'],
      ['periodId', 'unitId'],
    ],
    rule: 'closed',
  }),
  // A district's (or the city's) requests to decide, a unit's own, newest first.
  collection<QuotaRequestDoc>()({
    name: 'quotaRequests',
    indexes: [
      ['periodId', 'districtId', 'status'],
      ['periodId', 'unitId', 'status'],
    ],
    rule: 'closed',
  }),
  collection<FilingDoc>()({ name: 'filings', indexes: [['periodId', 'state', 'districtId']], rule: 'closed' }),
  collection<ObjectionDoc>()({
    name: 'objections',
    indexes: [
      // Open objections of a unit or a district (filing waits for them; cadres dispose of them).
      ['periodId', 'unitId', 'status'],
      ['periodId', 'districtId', 'status'],
      // One open objection per person and youth, five a day (notice).
      ['nominationId', 'filedBy'],
      ['filedBy', 'createdAt'],
    ],
    rule: 'closed',
  }),
]);
