/**
 * The youth database over time (issue 14, R7.1): the living list of the League's youths by unit, kept fresh
 * (last confirmed, changes reviewed by the new unit), with alumni (校友) who left, aged out, or were selected in
 * an earlier period. The registry function works on them; the orgs and periods are the platform's.
 */
import type { AlumniReason, YouthEvent, YouthStatus } from '../../../miniprogram/core/registry';
import { collection, defineCollections } from './define';

export interface YouthHistoryEntry {
  at: Date;
  event: YouthEvent;
  actor: string;
  /** Unit ids, the period, what changed (never the ID number or phone). */
  note: string | null;
}

/** A change of unit or post the youth asked for, waiting for the new unit's review. */
export interface PendingChange {
  unitId: string;
  districtId: string | null;
  post: string;
  /** When the youth took up the new post (任现岗位时间), if they said. */
  postSince?: string | null;
  at: Date;
}

export interface YouthDoc {
  /** Random (`_lib/ids.ts`); one record per person is the `youthKeys` document. */
  _id: string;
  unitId: string;
  districtId: string | null;
  status: YouthStatus;
  alumni: { reason: AlumniReason; at: Date; periodId: string | null } | null;
  name: string;
  /** Keyed hash of the ID number (the person's key, `youthKeys._id`). */
  idHash: string;
  idNumberEnc: string;
  idNumberMasked: string;
  phoneEnc: string;
  phoneMasked: string;
  /** From the ID number; only the age is shown. */
  birthDate: string;
  post: string;
  /**
   * The day the youth took up the current post (任现岗位时间), as they declared it; optional. Honours campaigns
   * with a years-in-post criterion count from it (issue 13); none means the criterion is not met.
   */
  postSince?: string | null;
  /** The youth's WeChat account, once known (their nomination or their own confirmation). */
  openid: string | null;
  /** The periods in which the youth was selected (approved on a list). */
  selectedPeriods: string[];
  /** When the youth (or their unit's import) last confirmed the record; stale after a year. */
  lastConfirmedAt: Date;
  pendingChange: PendingChange | null;
  /** The unit reviewing the pending change (its queue is indexed on it). */
  pendingUnitId: string | null;
  /** R9.2: set when the youth withdraws the consent (asks for erasure); the erasure timer deletes the record. */
  eraseAfter?: Date | null;
  createdAt: Date;
  updatedAt: Date;
  history: YouthHistoryEntry[];
}

/** One record per person: `_id` is the keyed hash of the ID number, taken by id in the writing transaction. */
export interface YouthKeyDoc {
  _id: string;
  youthId: string;
}

export const REGISTRY_AREA = defineCollections([
  // A unit's active list and its stale records (oldest confirmation first); a district's; the youth's own record;
  // changes waiting for a unit's review.
  collection<YouthDoc>()({
    name: 'youths',
    indexes: [
      ['unitId', 'status', 'lastConfirmedAt'],
      ['districtId', 'status', 'lastConfirmedAt'],
      ['status', 'lastConfirmedAt'],
      'openid',
      'pendingUnitId',
      // The erasure timer finds the records due.
      'eraseAfter',
    ],
    rule: 'closed',
  }),
  collection<YouthKeyDoc>()({ name: 'youthKeys', indexes: [], rule: 'closed' }),
]);
