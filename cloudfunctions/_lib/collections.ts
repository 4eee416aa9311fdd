/** Collection names and document shapes. All collections are closed to clients (security rules). */
import type { Envelope } from '../../miniprogram/core/contracts/define';
import type { Channel, NominationStatus } from '../../miniprogram/core/nomination';
import type { Org, Role, RoleGrant } from '../../miniprogram/core/org';
import type { PeriodRules } from '../../miniprogram/core/period';
import type { Sex } from '../../miniprogram/core/id-number';

export const C = {
  accounts: 'accounts',
  orgs: 'orgs',
  periods: 'periods',
  nominations: 'nominations',
  invites: 'invites',
  audit: 'audit',
  outbox: 'outbox',
  requests: 'requests',
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
  action: 'submit' | 'resubmit' | 'approve' | 'reject' | 'return' | 'withdraw';
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
  post: string;
  onStaff: boolean;
  submittedAt: Date | null;
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

/** The first outcome of a client request id, replayed on retries (idempotency). */
export interface RequestDoc {
  _id: string; // fn.action:openid:requestId
  state: 'pending' | 'done';
  createdAt: Date;
  response: Envelope<unknown> | null;
}

/** Secondary indexes the embedded store keeps (and the CloudBase console should create). */
export const INDEXES: Record<string, string[]> = {
  orgs: ['parentId', 'districtId', 'level'],
  nominations: ['periodId', 'unitId', 'districtId', 'youthOpenid', 'status'],
  audit: ['actor', 'target'],
  outbox: ['toOpenid'],
  invites: ['orgId'],
};
