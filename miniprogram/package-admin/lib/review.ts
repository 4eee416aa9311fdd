/** Review decisions as pages show them (R4.2): shared by the queue and the detail page. */
import type { ReviewDecision } from '../../core/nomination';

export type ReasonDecision = Exclude<ReviewDecision, 'approve'>;

export const DONE_TEXT: Record<ReviewDecision, string> = {
  approve: '已通过',
  reject: '已标记为未通过',
  return: '已退回修改',
};

/** Rejecting or returning needs a reason, which the youth will read. */
export const REASON_TITLE: Record<ReasonDecision, string> = { reject: '不通过的原因', return: '退回修改的意见' };

/** Approving confirms on-staff status and the three criteria (R2.2, R2.3, R4.2); the dialog says so. */
export const approveQuestion = (name: string): string =>
  `通过即确认：${name}为本单位在编人员，且政治素质、道德品行、业绩贡献三项标准均经审核属实。通过后不可撤销。`;

export const APPROVE_CONFIRM = { onStaff: true, attestations: true } as const;

/** Someone else decided first, or the record is gone: the view must be reloaded. */
export const isStale = (code: string): boolean =>
  code === 'NOMINATION.INVALID_STATE' || code === 'NOMINATION.NOT_FOUND';
