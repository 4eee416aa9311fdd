/** Nomination workflow (R4.1, R4.2): statuses and the transitions between them. */
import { allows, statesAllowing, transitionFor, type TransitionTable } from './workflow';

export const NOMINATION_STATUSES = [
  'draft',
  'submitted',
  'held',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
  'voided',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const STATUS_LABELS: Record<NominationStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  held: '待重新开放',
  returned: '退回修改',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  voided: '已作废',
};

export type ReviewDecision = 'approve' | 'reject' | 'return';

export type NominationEvent = 'submit' | 'resubmit' | ReviewDecision | 'withdraw' | 'uphold' | 'void' | 'release';

/**
 * What a move needs first, checked by the server in the order listed: `independent` the person deciding is not
 * the nominee (conflict of interest); `reason` a comment; `confirmation` the reviewer's confirmation of on-staff
 * status and the criteria (R4.2); `eligible` today's eligibility (R2.5); `unlockedFiling` the unit's list not yet
 * filed (R4.4); `takePlace` / `releasePlace` a quota place taken or given back (R3.2); `guardFiling` the list's
 * guard written, so a filing of the same list and this change of its approved count cannot both commit.
 */
export type NominationRequirement =
  | 'independent'
  | 'reason'
  | 'confirmation'
  | 'eligible'
  | 'unlockedFiling'
  | 'takePlace'
  | 'releasePlace'
  | 'guardFiling';

export const NOMINATION_FLOW = [
  // A person whose record left the running (withdrawn, rejected, voided) can be nominated afresh.
  { from: ['withdrawn', 'rejected', 'voided'], event: 'submit', to: 'submitted' },
  { from: ['returned'], event: 'resubmit', to: 'submitted' },
  // Issue 9 §3: a nomination submitted into a filed, locked list is held (待重新开放) — the youth is told before
  // submitting — and becomes reviewable when the district (or the city) reopens the list.
  { from: ['held'], event: 'release', to: 'submitted' },
  // R4.2 only a submitted nomination is reviewed.
  {
    from: ['submitted'],
    event: 'approve',
    to: 'approved',
    requires: ['independent', 'unlockedFiling', 'confirmation', 'eligible', 'takePlace', 'guardFiling'],
  },
  { from: ['submitted'], event: 'reject', to: 'rejected', requires: ['independent', 'unlockedFiling', 'reason'] },
  { from: ['submitted'], event: 'return', to: 'returned', requires: ['independent', 'unlockedFiling', 'reason'] },
  // R9.2 the youth may withdraw at any point; an approved youth's place goes back, unless the list is filed.
  { from: ['submitted', 'held', 'returned'], event: 'withdraw', to: 'withdrawn' },
  {
    from: ['approved'],
    event: 'withdraw',
    to: 'withdrawn',
    requires: ['unlockedFiling', 'releasePlace', 'guardFiling'],
  },
  // R8 an upheld objection un-selects the youth and frees the place.
  {
    from: ['approved'],
    event: 'uphold',
    to: 'rejected',
    requires: ['independent', 'unlockedFiling', 'reason', 'releasePlace', 'guardFiling'],
  },
  // Issue 8 §6 the district (or the city) voids a record entered with someone else's ID number, with a reason;
  // the person's place is free again and the record is erased after the retention.
  { from: ['submitted', 'returned'], event: 'void', to: 'voided', requires: ['independent', 'reason'] },
  {
    from: ['approved'],
    event: 'void',
    to: 'voided',
    requires: ['independent', 'reason', 'unlockedFiling', 'releasePlace', 'guardFiling'],
  },
] as const satisfies TransitionTable<NominationStatus, NominationEvent, NominationRequirement>;

/** The requirements any row of `E` names (so each action's possible refusals are known to the compiler). */
export type NominationRequirementsOf<E extends NominationEvent> =
  Extract<(typeof NOMINATION_FLOW)[number], { event: E }> extends infer Row
    ? Row extends { requires: readonly (infer R)[] }
      ? R
      : never
    : never;

/** R4.2 the status a review decision leads to, or null when the nomination cannot be reviewed now. */
export function reviewTarget(current: NominationStatus, decision: ReviewDecision): NominationStatus | null {
  return transitionFor(NOMINATION_FLOW, current, decision)?.to ?? null;
}

/** Statuses a district may void a record from (issue 8 §6). */
export function canVoid(status: NominationStatus): boolean {
  return allows(NOMINATION_FLOW, status, 'void');
}

/** Statuses whose records the erasure timer deletes once `eraseAfter` has passed (R9.2). */
export const ERASABLE_STATUSES = ['withdrawn', 'voided'] as const satisfies readonly NominationStatus[];

/** Statuses the youth may withdraw from (R9.2). */
export const WITHDRAWABLE: readonly NominationStatus[] = statesAllowing(NOMINATION_FLOW, 'withdraw');

export function canWithdraw(status: NominationStatus): boolean {
  return allows(NOMINATION_FLOW, status, 'withdraw');
}

/** Statuses that hold the person's one place in the period (R4.6). */
export const ACTIVE_STATUSES: readonly NominationStatus[] = ['draft', 'submitted', 'held', 'returned', 'approved'];

/** Issue 9 §3: where a new or resubmitted nomination lands — held while its list is filed and locked. */
export function arrivalStatus(listLocked: boolean): 'submitted' | 'held' {
  return listLocked ? 'held' : 'submitted';
}

/** Statuses that stop a new nomination (R4.6): every active one except a nomination returned for changes. */
export const BLOCKING_STATUSES: readonly NominationStatus[] = ACTIVE_STATUSES.filter((s) => s !== 'returned');

export const CHANNELS = ['self', 'unit'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { self: '个人自荐', unit: '组织推荐' };
