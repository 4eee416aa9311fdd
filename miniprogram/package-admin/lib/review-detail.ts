/**
 * What a nomination's detail page shows its reviewer (pages/review/detail): today's eligibility verdict, what the
 * caller may do with the record, and the audited view's reason request (R9.1).
 */
import { RevealInput } from '../../core/contracts/forms';
import type { EligibilityView, NominationView, ReviewerView } from '../../core/contracts/nomination';
import { isErrorCode } from '../../core/errors';
import { canVoid, NOMINATION_FLOW } from '../../core/nomination';
import { quotaText, reviewerNote } from '../../core/review';
import { ADMIN_ROLES } from '../../core/scope';
import { allows } from '../../core/workflow';
import { call } from '../../services/cloud';
import { errorText } from '../../services/error-text';
import { hasRole, type Session } from '../../services/session';
import type { ReasonRequest } from '../components/reason-dialog/request';
import { contestText } from './review';

export type RevealField = 'idNumber' | 'phone';

const FIELD_LABELS: Record<RevealField, string> = { idNumber: '身份证号', phone: '手机号' };

/** R2.5 today's verdict, as the reviewer will meet it on approval (the README's promise, issue 9 §16). */
function eligibilityText(e: EligibilityView): { ok: boolean; text: string } {
  if (e.eligible) return { ok: true, text: `按今日核验：符合本期选培条件（${e.age ?? ''}周岁）` };
  const reason = e.code && isErrorCode(e.code) ? errorText(e.code, e.params) : '不符合本期选培条件';
  return { ok: false, text: `按今日核验：不符合本期选培条件——${reason}` };
}

/**
 * What the caller may do with this record: the server says who decides (the unit's admin, or for a unit without
 * an admin its district or the city) and the workflow's table whether a review is open now (core rules).
 */
export function viewOf(s: Session, n: NominationView, e: EligibilityView, review: ReviewerView | null) {
  const open = allows(NOMINATION_FLOW, n.status, 'approve');
  return {
    nomination: n,
    canDecide: Boolean(review?.mayDecide) && open,
    // Who may act and why (issue 9 §2), and the places left before 通过 is tapped (§5).
    reviewerNote: review && open ? reviewerNote(review.level, review.mayDecide) : '',
    quotaText: review && open ? quotaText(review.quota) : '',
    eligibility: eligibilityText(e),
    // Every reviewer in scope may use the audited view, until the youth withdraws the consent.
    canReveal: hasRole(s, ADMIN_ROLES) && !n.consentWithdrawn,
    // Issue 8 §6 the district (or the city) may void a record still in the running.
    canVoid: hasRole(s, ['districtAdmin', 'cityAdmin']) && canVoid(n.status),
    contest: contestText(n),
    // Issue 9: the unit's admin hands an unclaimed record a new claim code.
    mayReissue: s.roles.some((g) => g.role === 'unitAdmin' && g.orgId === n.unitId),
  };
}

export function revealRequest(field: RevealField, n: NominationView): ReasonRequest<{ value: string }> {
  return {
    title: `查看${n.name}的完整${FIELD_LABELS[field]}`,
    label: '查看理由',
    schema: RevealInput.shape.reason,
    placeholder: '请填写查看理由，如：核对报名信息',
    note: '本次查看将被记录（查看人、时间、理由），仅限工作需要。',
    send: (reason) => call('nomination', 'reveal', { nominationId: n.id, field, reason }),
  };
}
