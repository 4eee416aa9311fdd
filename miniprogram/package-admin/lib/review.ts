/** Review decisions as pages show them (R4.2): shared by the queue and the detail page. */
import { ReviewInput, VoidInput } from '../../core/contracts/forms';
import type { NominationView } from '../../core/contracts/nomination';
import type { ReviewDecision } from '../../core/nomination';
import { call } from '../../services/cloud';
import { chinaDateTime } from '../../lib/format';
import { confirmModal } from '../../lib/ui';
import type { ReasonRequest } from '../components/reason-dialog/request';

export type ListStatus = 'submitted' | 'approved' | 'rejected' | 'returned';

/** The review queue's tabs. */
export const QUEUE_TABS: Array<{ value: ListStatus; label: string }> = [
  { value: 'submitted', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'returned', label: '退回修改' },
];

export const queueEmptyText = (status: ListStatus): string =>
  `暂无${QUEUE_TABS.find((t) => t.value === status)?.label ?? ''}的推荐`;

export type ReasonDecision = Exclude<ReviewDecision, 'approve'>;

export const DONE_TEXT: Record<ReviewDecision, string> = {
  approve: '已通过',
  reject: '已标记为未通过',
  return: '已退回修改',
};

/** Rejecting or returning needs a reason, which the youth will read. */
export const REASON_TITLE: Record<ReasonDecision, string> = { reject: '不通过的原因', return: '退回修改的意见' };

/** Approving confirms on-staff status and the three criteria (R2.2, R2.3, R4.2): the question says so. */
export function confirmApprove(name: string): Promise<boolean> {
  const question = `通过即确认：${name}为本单位在编人员，且政治素质、道德品行、业绩贡献三项标准均经审核属实。通过后不可撤销。`;
  return confirmModal('确认通过', question, '通过');
}

export const sendApprove = (nominationId: string) =>
  call('nomination', 'review', { nominationId, decision: 'approve', confirm: { onStaff: true, attestations: true } });

/**
 * The reason dialog's request for rejecting or returning: the comment is
 * optional in the contract (approving has none) but this decision needs one;
 * its length comes from the contract.
 */
export function reasonRequest(
  decision: ReasonDecision,
  n: Pick<NominationView, 'id' | 'name'>,
): ReasonRequest<{ nomination: NominationView }> {
  return {
    title: `${REASON_TITLE[decision]}（${n.name}）`,
    label: REASON_TITLE[decision],
    required: true,
    schema: ReviewInput.shape.comment,
    placeholder: '请填写原因，青年将看到此意见',
    send: (comment) => call('nomination', 'review', { nominationId: n.id, decision, comment }),
  };
}

/** The title of the dialog that shows a refusal whole (issue 9 §5). */
export function refusalTitle(code: string): string {
  if (code === 'QUOTA.EXCEEDED') return '名额已满';
  if (code === 'FILING.LOCKED') return '名单已备案';
  if (code === 'NOMINATION.NOT_REVIEWER') return '无审核权限';
  if (code.startsWith('ELIGIBILITY.')) return '不符合条件';
  return '未能完成';
}

/** Someone else decided first, or the record is gone: the view must be reloaded. */
export const isStale = (code: string): boolean =>
  code === 'NOMINATION.INVALID_STATE' || code === 'NOMINATION.NOT_FOUND';

/**
 * Issue 8 §6: the record's ID number is contested — another nomination of it was refused while this record held
 * it. Shown to every reviewer of the record; never says who tried.
 */
export function contestText(n: Pick<NominationView, 'contest'>): string {
  if (!n.contest) return '';
  const when = chinaDateTime(n.contest.lastAt);
  return (
    `该身份证号存在争议：本期另有${n.contest.count}次推荐因号码重复被拒（最近一次：${when}），` +
    '可能有人使用了他人的身份证号。请核实本人身份；如系冒用，由区县团委作废本记录。'
  );
}

/** The district (or city) voids a record with a reason; the dialog says what follows. */
export function voidRequest(n: Pick<NominationView, 'id' | 'name'>): ReasonRequest<{ nomination: NominationView }> {
  return {
    title: `作废推荐记录（${n.name}）`,
    label: '作废原因',
    required: true,
    schema: VoidInput.shape.reason,
    placeholder: '如：经核实该身份证号被他人冒用',
    note:
      '作废后该记录退出所有名单和统计（已通过的名额退回），该身份证号可由其所在单位重新推荐；' +
      '记录在保留期满后删除。作废原因将记入审计并通知该单位，请勿填写身份证号、手机号。此操作不可撤销。',
    send: (reason) => call('nomination', 'voidNomination', { nominationId: n.id, reason }),
  };
}
