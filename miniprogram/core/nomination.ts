/** Nomination workflow (R4.1, R4.2): statuses and the transitions between them. */
export const NOMINATION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const STATUS_LABELS: Record<NominationStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '退回修改',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export type ReviewDecision = 'approve' | 'reject' | 'return';

const REVIEW_TARGET: Record<ReviewDecision, NominationStatus> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

/** R4.2 only a submitted nomination can be reviewed. */
export function reviewTarget(current: NominationStatus, decision: ReviewDecision): NominationStatus | null {
  return current === 'submitted' ? REVIEW_TARGET[decision] : null;
}

/** R9.2 what a youth may withdraw: a nomination under review, returned for changes, or approved. */
export const WITHDRAWABLE: readonly NominationStatus[] = ['submitted', 'returned', 'approved'];

export function canWithdraw(status: NominationStatus): boolean {
  return WITHDRAWABLE.includes(status);
}

/** Statuses that hold the person's one place in the period (R4.6). */
export const ACTIVE_STATUSES: readonly NominationStatus[] = ['draft', 'submitted', 'returned', 'approved'];

export const CHANNELS = ['self', 'unit'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { self: '个人自荐', unit: '组织推荐' };
