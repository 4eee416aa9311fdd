/**
 * A nomination for its reviewers: the masked record, deeds, attested
 * criteria and history; the unit's admin decides here as in the queue
 * (R4.2). A full ID number or phone is shown only through the audited view
 * (R9.1): the reviewer types a reason, the server records it with the view.
 */
import type { NominationView } from '../../../../core/contracts/nomination';
import { call, type CallResult } from '../../../../services/cloud';
import { errorText } from '../../../../services/error-text';
import { loadSession } from '../../../../services/session';
import { alertModal, toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import {
  confirmApprove,
  DONE_TEXT,
  isStale,
  reasonRequest,
  refusalTitle,
  sendApprove,
  voidRequest,
  type ReasonDecision,
} from '../../../lib/review';
import { textSize } from '../../../../behaviors/text-size';
import { revealRequest, viewOf, type RevealField } from '../../../lib/review-detail';

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
