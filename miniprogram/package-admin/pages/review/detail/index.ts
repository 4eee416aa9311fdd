/**
 * A nomination for its reviewers: the masked record, deeds, attested
 * criteria and history; the unit's admin decides here as in the queue
 * (R4.2). A full ID number or phone is shown only through the audited view
 * (R9.1): the reviewer types a reason, the server records it with the view.
 */
import { RevealInput } from '../../../../core/contracts/forms';
import type { EligibilityView, NominationView, ReviewerView } from '../../../../core/contracts/nomination';
import { isErrorCode } from '../../../../core/errors';
import { canVoid, NOMINATION_FLOW } from '../../../../core/nomination';
import { quotaText, reviewerNote } from '../../../../core/review';
import { ADMIN_ROLES } from '../../../../core/scope';
import { allows } from '../../../../core/workflow';
import { call, type CallResult } from '../../../../services/cloud';
import { errorText } from '../../../../services/error-text';
import { hasRole, loadSession, type Session } from '../../../../services/session';
import { alertModal, toast } from '../../../../lib/ui';
import { askReason, type ReasonRequest } from '../../../components/reason-dialog/request';
import {
  confirmApprove,
  contestText,
  DONE_TEXT,
  isStale,
  reasonRequest,
  refusalTitle,
  sendApprove,
  voidRequest,
  type ReasonDecision,
} from '../../../lib/review';
import { textSize } from '../../../../behaviors/text-size';

type RevealField = 'idNumber' | 'phone';

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
function viewOf(s: Session, n: NominationView, e: EligibilityView, review: ReviewerView | null) {
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

function revealRequest(field: RevealField, n: NominationView): ReasonRequest<{ value: string }> {
  return {
    title: `查看${n.name}的完整${FIELD_LABELS[field]}`,
    label: '查看理由',
    schema: RevealInput.shape.reason,
    placeholder: '请填写查看理由，如：核对报名信息',
    note: '本次查看将被记录（查看人、时间、理由），仅限工作需要。',
    send: (reason) => call('nomination', 'reveal', { nominationId: n.id, field, reason }),
  };
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    id: '',
    nomination: null as NominationView | null,
    canDecide: false,
    canReveal: false,
    canVoid: false,
    contest: '',
    mayReissue: false,
    reviewerNote: '',
    quotaText: '',
    eligibility: null as { ok: boolean; text: string } | null,
    revealed: { idNumber: '', phone: '' } as Record<RevealField, string>,
    busy: false,
  },
  methods: {
    onLoad(query: { id?: string }) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      void this.load();
    },

    async load() {
      if (!this.data.id) return this.setData({ loading: false, error: errorText('NOMINATION.NOT_FOUND') });
      this.setData({ loading: true, error: '' });
      const [me, res] = await Promise.all([loadSession(), call('nomination', 'get', { nominationId: this.data.id })]);
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      if (!me.ok) return this.setData({ loading: false, error: me.message });
      const { nomination, eligibility, review } = res.data;
      this.setData({ loading: false, ...viewOf(me.data, nomination, eligibility, review) });
    },

    async reveal(field: RevealField) {
      const n = this.data.nomination;
      if (!n || this.data.busy) return;
      const shown = await askReason(this, '.reason-dialog', revealRequest(field, n));
      if (shown) this.setData({ [`revealed.${field}`]: shown.value });
    },
    onRevealId() {
      void this.reveal('idNumber');
    },
    onRevealPhone() {
      void this.reveal('phone');
    },

    async decideWithReason(decision: ReasonDecision) {
      const n = this.data.nomination;
      if (!n || this.data.busy) return;
      const request = reasonRequest(decision, n);
      // Someone else decided first: the dialog keeps the message, the record behind it is reloaded.
      const send = (comment: string) => request.send(comment).then((res) => this.watchStale(res));
      if (await askReason(this, '.reason-dialog', { ...request, send })) await this.decided(decision);
    },
    onReturn() {
      void this.decideWithReason('return');
    },
    onReject() {
      void this.decideWithReason('reject');
    },

    async onVoid() {
      const n = this.data.nomination;
      if (!n || this.data.busy) return;
      const send = (reason: string) =>
        voidRequest(n)
          .send(reason)
          .then((res) => this.watchStale(res));
      if (await askReason(this, '.reason-dialog', { ...voidRequest(n), send })) {
        toast(this, '已作废', 'success');
        await this.load();
      }
    },

    async onApprove() {
      const n = this.data.nomination;
      if (!n || this.data.busy || !(await confirmApprove(n.name))) return;
      this.setData({ busy: true });
      const res = this.watchStale(await sendApprove(n.id));
      this.setData({ busy: false });
      if (res.ok) await this.decided('approve');
      // A refusal the reviewer must act on (a full quota…) is shown whole, never cut in a toast (issue 9 §5).
      else if (isStale(res.code)) toast(this, res.message);
      else void alertModal(refusalTitle(res.code), res.message);
    },

    async decided(decision: 'approve' | ReasonDecision) {
      toast(this, DONE_TEXT[decision], 'success');
      await this.load();
    },

    watchStale<R extends CallResult<unknown> | null>(res: R): R {
      if (res && !res.ok && isStale(res.code)) void this.load();
      return res;
    },

    onRetry() {
      void this.load();
    },
  },
});
