/**
 * The platform's collections: who someone is (accounts, consents, invitations),
 * the organisation tree and the programme periods every area works in, and the
 * router's own records (audit trail, notification outbox, idempotent requests).
 * Every function reads them; `_lib` owns them.
 */
import type { Org, Role, RoleGrant } from '../../../miniprogram/core/org';
import type { PeriodRules } from '../../../miniprogram/core/period';
import { collection, defineCollections } from './define';

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
  /** The attempt holding the marker; only it may mark the request done. */
  owner: string;
  /** Keyed hash of the request's input: the same id with another body is refused, never replayed. */
  bodyHash: string;
  createdAt: Date;
  /** A pending marker past this instant was left by a crashed attempt and may be taken over. */
  expiresAt: Date;
  /**
   * The first outcome, sealed like personal data (AES-256-GCM): it may hold a one-time claim code or a
   * revealed number, which must not rest in clear (R9.1).
   */
  responseEnc: string | null;
}

/** A counted limit (see _lib/limits.ts): `used` slots under a key such as `objection-day:<openid>:<date>`. */
export interface LimitDoc {
  _id: string;
  used: number;
  updatedAt: Date;
  /** When the counter no longer matters and may be purged (null: it lives as long as what it guards). */
  expiresAt: Date | null;
}

export const PLATFORM = defineCollections([
  // Read by OPENID only. Role holders are found with `grants: {$elemMatch}` (notify.ts), unindexed: the embedded
  // store indexes top-level fields only, and accounts stay in the thousands.
  collection<AccountDoc>()({ name: 'accounts', indexes: [], rule: 'closed' }),
  // A district's units for binding (parentId); the units of a scope, by level and district.
  collection<OrgDoc>()({ name: 'orgs', indexes: ['parentId', ['level', 'districtId']], rule: 'closed' }),
  collection<PeriodDoc>()({ name: 'periods', indexes: ['current'], rule: 'closed' }),
  // The functions read an invitation by its code; the index serves an organisation's invitations in the console.
  collection<InviteDoc>()({ name: 'invites', indexes: ['orgId'], rule: 'closed' }),
  collection<ConsentDoc>()({ name: 'consents', indexes: ['openid'], rule: 'closed' }),
  // "Who did what" and "what happened to it", newest first; by action for the city's audit view of reveals and
  // exports (admin.auditLog, issue 9).
  collection<AuditDoc>()({
    name: 'audit',
    indexes: [
      ['actor', 'at'],
      ['target', 'at'],
      ['action', 'at'],
    ],
    rule: 'closed',
  }),
  // A person's messages, and the sender draining pending ones oldest first.
  collection<OutboxDoc>()({ name: 'outbox', indexes: ['toOpenid', ['status', 'createdAt']], rule: 'closed' }),
  // The spent-marker timer reads the oldest first.
  collection<RequestDoc>()({ name: 'requests', indexes: ['createdAt'], rule: 'closed' }),
  // Read and written by id only (a counter per key); `expiresAt` lets a timer purge the spent ones.
  collection<LimitDoc>()({ name: 'limits', indexes: ['expiresAt'], rule: 'closed' }),
]);
