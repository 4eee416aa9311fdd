/**
 * A nomination for its reviewers: the masked record, deeds, attested
 * criteria and history; the unit's admin decides here as in the queue
 * (R4.2). A full ID number or phone is shown only through the audited view
 * (R9.1): the reviewer types a reason, the server records it with the view.
 */
import { RevealInput } from '../../../../core/contracts/forms';
import type { NominationView } from '../../../../core/contracts/nomination';
import { NOMINATION_FLOW } from '../../../../core/nomination';
import { ADMIN_ROLES } from '../../../../core/scope';
import { allows } from '../../../../core/workflow';
import { call, type CallResult } from '../../../../services/cloud';
import { errorText } from '../../../../services/error-text';
import { hasRole, loadSession, type Session } from '../../../../services/session';
import { toast } from '../../../../lib/ui';
import { askReason, type ReasonRequest } from '../../../components/reason-dialog/request';
import {
  confirmApprove,
  DONE_TEXT,
  isStale,
  reasonRequest,
  sendApprove,
  type ReasonDecision,
} from '../../../lib/review';
import { textSize } from '../../../../behaviors/text-size';

type RevealField = 'idNumber' | 'phone';

const FIELD_LABELS: Record<RevealField, string> = { idNumber: '身份证号', phone: '手机号' };

/** What the caller may do with this record, from their roles and the workflow's table (core rules). */
function viewOf(s: Session, n: NominationView) {
  return {
    nomination: n,
    // Only the unit's own admin decides (R4.2), and only where the workflow allows a review.
    canDecide: hasRole(s, ['unitAdmin']) && allows(NOMINATION_FLOW, n.status, 'approve'),
    // Every reviewer in scope may use the audited view.
    canReveal: hasRole(s, ADMIN_ROLES),
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
      this.setData({ loading: false, ...viewOf(me.data, res.data.nomination) });
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

    async onApprove() {
      const n = this.data.nomination;
      if (!n || this.data.busy || !(await confirmApprove(n.name))) return;
      this.setData({ busy: true });
      const res = this.watchStale(await sendApprove(n.id));
      this.setData({ busy: false });
      if (res.ok) await this.decided('approve');
      else toast(this, res.message);
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
