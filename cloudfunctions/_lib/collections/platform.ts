/**
 * The platform's collections: who someone is (accounts, consents, invitations),
 * the organisation tree and the programme periods every area works in, and the
 * router's own records (audit trail, notification outbox, idempotent requests).
 * Every function reads them; `_lib` owns them.
 */
import type { Org, Role, RoleGrant } from '../../../miniprogram/core/org';
import type { NotificationKind, TemplateKey } from '../../../miniprogram/core/notifications';
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
  /** When the city opened it (`registry.openPeriod`, ISO); absent on periods made before (the seed's). */
  openedAt?: string | null;
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

/**
 * Where a WeChat subscribe message stands (the sender's state machine, `_lib/sender.ts`):
 * pending → claimed (a run holds it under a lease) → sent | in_app_only | failed. The in-app copy
 * (`messages`, same `_id`) exists from the start whatever happens here.
 */
export type DeliveryState = 'pending' | 'claimed' | 'sent' | 'in_app_only' | 'failed';

export interface OutboxDoc {
  _id: string; // also the id of the in-app copy in `messages`
  kind: NotificationKind;
  toOpenid: string;
  template: TemplateKey;
  title: string;
  body: string;
  page: string;
  /** The template data as sent (`{ thing1: { value } }`), rendered and checked by the catalogue at enqueue. */
  data: Record<string, { value: string }>;
  createdAt: Date;
  status: DeliveryState;
  /** The run holding a claimed message, and until when; past it the next run resolves the message. */
  claimedBy: string | null;
  leaseUntil: Date | null;
  /** The grant spent on it (set when claimed, before the send). */
  grantId: string | null;
  doneAt: Date | null;
  /** Why it was not delivered by WeChat: no_grant, no_template, unconfirmed, or WeChat's errcode. */
  reason: string | null;
  /** The audit targets of the call that queued it (`nominations/<id>`): the erasure of a record removes its messages. */
  subjects?: string[];
}

/** The in-app copy of a notification (消息中心): written with the outbox entry, in the same transaction. */
export interface MessageDoc {
  _id: string;
  toOpenid: string;
  kind: NotificationKind;
  title: string;
  body: string;
  page: string;
  createdAt: Date;
  readAt: Date | null;
  /** As the outbox entry's: the erasure of a record removes the in-app copies about it. */
  subjects?: string[];
}

/**
 * One accepted one-time subscription (grant ledger): WeChat allows one message per accept. available →
 * claimed (by one outbox entry, conditionally) → used, or void (WeChat answered 43101, or a crash left it unconfirmed).
 */
export interface GrantDoc {
  _id: string;
  openid: string;
  template: TemplateKey;
  templateId: string;
  grantedAt: Date;
  state: 'available' | 'claimed' | 'used' | 'void';
  outboxId: string | null;
  usedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
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
  /** The audit targets of the call (`nominations/<id>`): the erasure of a record removes the outcomes naming it. */
  subjects?: string[];
}

/** A counted limit (see _lib/limits.ts): `used` slots under a key such as `objection-day:<openid>:<date>`. */
export interface LimitDoc {
  _id: string;
  used: number;
  updatedAt: Date;
  /** When the counter no longer matters and may be purged (null: it lives as long as what it guards). */
  expiresAt: Date | null;
}

/** A generated file (the summary table) awaiting deletion: exports expire a day after they are made (issue 8 §10). */
export interface ExportDoc {
  _id: string;
  fileId: string;
  orgId: string;
  createdBy: string;
  createdAt: Date;
  /** When `cron.purgeExports` deletes the file and this record. */
  expiresAt: Date;
}

export const PLATFORM = defineCollections([
  // Read by OPENID; role holders are found with `grants: {$elemMatch: {role, orgId}}` (notify.ts) and the bootstrap
  // path asks whether a city admin exists (`grants.role`): a multikey index in the cloud, where every youth has an
  // account. The embedded store indexes top-level fields only and scans these.
  collection<AccountDoc>()({ name: 'accounts', indexes: [['grants.role', 'grants.orgId']], rule: 'closed' }),
  // A district's units for binding (parentId); the units of a scope, by level and district.
  collection<OrgDoc>()({ name: 'orgs', indexes: ['parentId', ['level', 'districtId']], rule: 'closed' }),
  collection<PeriodDoc>()({ name: 'periods', indexes: ['current'], rule: 'closed' }),
  // The functions read an invitation by its code; the index serves an organisation's invitations in the console.
  collection<InviteDoc>()({ name: 'invites', indexes: ['orgId'], rule: 'closed' }),
  collection<ConsentDoc>()({ name: 'consents', indexes: ['openid'], rule: 'closed' }),
  // The timer finds the exports past their expiry.
  collection<ExportDoc>()({ name: 'exports', indexes: ['expiresAt'], rule: 'closed' }),
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
  // The sender drains pending entries oldest first and resolves expired claims; the stats count per kind and state.
  collection<OutboxDoc>()({
    name: 'outbox',
    indexes: [
      ['status', 'createdAt'],
      ['status', 'leaseUntil'],
      ['kind', 'status'],
      // The spent-record timer finds delivery records done a month ago.
      ['status', 'doneAt'],
      // The erasure finds a record's messages by subject.
      'subjects',
    ],
    rule: 'closed',
  }),
  // A person's message centre, newest first, and their unread ones; the timer finds those a year old.
  collection<MessageDoc>()({
    name: 'messages',
    indexes: [['toOpenid', 'createdAt'], ['toOpenid', 'readAt'], 'subjects', 'createdAt'],
    rule: 'closed',
  }),
  // The sender looks for a person's available grant of a template, oldest first; recovery finds a message's grant.
  // (and the spent-record timer finds used or void grants a month old)
  collection<GrantDoc>()({
    name: 'grants',
    indexes: [['openid', 'template', 'state', 'grantedAt'], 'outboxId', ['state', 'grantedAt']],
    rule: 'closed',
  }),
  // The spent-marker timer reads the oldest first; the erasure finds a record's outcomes by subject.
  collection<RequestDoc>()({ name: 'requests', indexes: ['createdAt', 'subjects'], rule: 'closed' }),
  // Read and written by id only (a counter per key); `expiresAt` lets a timer purge the spent ones.
  collection<LimitDoc>()({ name: 'limits', indexes: ['expiresAt'], rule: 'closed' }),
]);
