/** Collection names and document shapes. All collections are closed to clients (security rules). */
import type { Envelope } from '../../miniprogram/core/contracts/define';
import type { Channel, NominationEvent, NominationStatus } from '../../miniprogram/core/nomination';
import type { Org, Role, RoleGrant, UnitCategory } from '../../miniprogram/core/org';
import type { FilingKind, FilingState, ScanKind } from '../../miniprogram/core/filing';
import type { PeriodRules } from '../../miniprogram/core/period';
import type { Sex } from '../../miniprogram/core/id-number';
import type { Attestation, Degree, Education, PoliticalStatus } from '../../miniprogram/core/profile';
import type { NominationDraft } from '../../miniprogram/core/contracts/nomination-form';

export const C = {
  accounts: 'accounts',
  orgs: 'orgs',
  periods: 'periods',
  nominations: 'nominations',
  invites: 'invites',
  audit: 'audit',
  outbox: 'outbox',
  requests: 'requests',
  consents: 'consents',
  drafts: 'drafts',
  quotas: 'quotas',
  filings: 'filings',
  objections: 'objections',
  limits: 'limits',
} as const;

export interface AccountDoc {
  _id: string; // OPENID
  displayName: string;
  grants: RoleGrant[];
  createdAt: Date;
  updatedAt: Date;
}

export type OrgDoc = Org;

export interface PeriodDoc extends PeriodRules {
  current: boolean;
}

export interface HistoryEntry {
  at: Date;
  action: NominationEvent | 'claim';
  actor: string;
  actorName: string;
  comment: string | null;
}

export interface NominationDoc {
  /** `${periodId}:${idHash}` — the unique business key makes a second active nomination impossible (R4.6). */
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
  /** R9.2 when the withdrawn record's personal data is erased. */
  eraseAfter: Date | null;
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

export interface InviteDoc {
  _id: string; // the code
  role: Role;
  orgId: string;
  issuedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

export interface AuditDoc {
  _id: string;
  requestId: string;
  actor: string | null;
  action: string;
  target: string | null;
  at: Date;
  details?: Record<string, unknown>;
}

export interface OutboxDoc {
  _id: string;
  toOpenid: string;
  title: string;
  body: string;
  page: string;
  createdAt: Date;
  status: 'pending' | 'sent' | 'failed';
}

/** A separate, versioned consent (PIPL art. 29), one document per person and purpose. */
export interface ConsentDoc {
  _id: string; // openid:purpose
  openid: string;
  purpose: 'personal_info';
  version: string;
  granted: boolean;
  at: Date;
  history: Array<{ version: string; granted: boolean; at: Date }>;
}

/** A youth's form in progress, without ID number or phone (those stay on the phone until submit). */
export interface DraftDoc {
  _id: string; // periodId:openid
  periodId: string;
  openid: string;
  fields: Omit<NominationDraft, 'idNumber' | 'phone'>;
  updatedAt: Date;
}

/** The first outcome of a client request id, replayed on retries (idempotency). */
export interface RequestDoc {
  _id: string; // fn.action:openid:requestId
  state: 'pending' | 'done';
  /** The attempt holding the marker; only it may mark the request done. */
  owner: string;
  createdAt: Date;
  /** A pending marker past this instant was left by a crashed attempt and may be taken over. */
  expiresAt: Date;
  response: Envelope<unknown> | null;
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
  filedBy: string;
  createdAt: Date;
  status: 'open' | 'resolved';
  disposition: 'upheld' | 'dismissed' | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/** A counted limit (see _lib/limits.ts): `used` slots under a key such as `objection-day:<openid>:<date>`. */
export interface LimitDoc {
  _id: string;
  used: number;
  updatedAt: Date;
  /** When the counter no longer matters and may be purged (null: it lives as long as what it guards). */
  expiresAt: Date | null;
}

/** Secondary indexes the embedded store keeps (and the CloudBase console should create). */
export const INDEXES: Record<string, string[]> = {
  orgs: ['parentId', 'districtId', 'level'],
  nominations: [
    'periodId',
    'unitId',
    'districtId',
    'youthOpenid',
    'status',
    'category',
    'politicalStatus',
    'education',
    'name',
  ],
  consents: ['openid'],
  quotas: ['periodId', 'districtId', 'unitId'],
  filings: ['periodId', 'districtId', 'state'],
  objections: ['periodId', 'unitId', 'status', 'filedBy', 'nominationId'],
  audit: ['actor', 'target'],
  outbox: ['toOpenid'],
  invites: ['orgId'],
};
