/**
 * A nomination for its reviewers: the masked record, deeds, attested
 * criteria and history; the unit's admin decides here as in the queue
 * (R4.2). A full ID number or phone is shown only through the audited view
 * (R9.1): the reviewer types a reason, the server records it with the view.
 */
import type { NominationView } from '../../../../core/contracts/nomination';
import type { ReviewDecision } from '../../../../core/nomination';
import { call, type CallFailure } from '../../../../services/cloud';
import { errorText } from '../../../../services/error-text';
import {
  approveQuestion,
  DONE_TEXT,
  isStale,
  REASON_TITLE,
  type ReasonDecision,
  APPROVE_CONFIRM,
} from '../../../lib/review';
import { confirmModal, toast } from '../../../../lib/ui';

type RevealField = 'idNumber' | 'phone';
type DialogKind = RevealField | ReasonDecision;

const FIELD_LABELS: Record<RevealField, string> = { idNumber: '身份证号', phone: '手机号' };
const REVEAL_MIN = 2;

interface Dialog {
  visible: boolean;
  kind: DialogKind;
  title: string;
  placeholder: string;
  note: string;
  reason: string;
  error: string;
  busy: boolean;
}

const CLOSED: Dialog = {
  visible: false,
  kind: 'return',
  title: '',
  placeholder: '',
  note: '',
  reason: '',
  error: '',
  busy: false,
};

const isReveal = (kind: DialogKind): kind is RevealField => kind === 'idNumber' || kind === 'phone';

function dialogFor(kind: DialogKind, name: string): Dialog {
  if (isReveal(kind)) {
    return {
      ...CLOSED,
      visible: true,
      kind,
      title: `查看${name}的完整${FIELD_LABELS[kind]}`,
      placeholder: '请填写查看理由，如：核对报名信息',
      note: '本次查看将被记录（查看人、时间、理由），仅限工作需要。',
    };
  }
  return {
    ...CLOSED,
    visible: true,
    kind,
    title: `${REASON_TITLE[kind]}（${name}）`,
    placeholder: '请填写原因，青年将看到此意见',
  };
}

Component({
  data: {
    loading: true,
    error: '',
    id: '',
    nomination: null as NominationView | null,
    canDecide: false,
    canReveal: false,
    revealed: { idNumber: '', phone: '' } as Record<RevealField, string>,
    busy: false,
    dialog: CLOSED,
  },
  methods: {
    onLoad(query: { id?: string }) {
      const id = query.id ? decodeURIComponent(query.id) : '';
      this.setData({ id });
      void this.load();
    },

    async load() {
      if (!this.data.id) {
        this.setData({ loading: false, error: errorText('NOMINATION.NOT_FOUND') });
        return;
      }
      this.setData({ loading: true, error: '' });
      const [me, res] = await Promise.all([
        call('account', 'me', {}),
        call('nomination', 'get', { nominationId: this.data.id }),
      ]);
      if (!res.ok || !me.ok) {
        this.setData({ loading: false, error: !res.ok ? res.message : me.ok ? '' : me.message });
        return;
      }
      const n = res.data.nomination;
      const roles = me.data.roles.map((g) => g.role);
      this.setData({
        loading: false,
        nomination: n,
        // Only the unit's own admin decides (R4.2); every reviewer in scope may use the audited view.
        canDecide: roles.includes('unitAdmin') && n.status === 'submitted',
        canReveal: roles.some((r) => r === 'unitAdmin' || r === 'districtAdmin' || r === 'cityAdmin'),
      });
    },

    openDialog(kind: DialogKind) {
      const n = this.data.nomination;
      if (n && !this.data.busy) this.setData({ dialog: dialogFor(kind, n.name) });
    },
    onRevealId() {
      this.openDialog('idNumber');
    },
    onRevealPhone() {
      this.openDialog('phone');
    },
    onReturn() {
      this.openDialog('return');
    },
    onReject() {
      this.openDialog('reject');
    },

    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.reason': e.detail.value, 'dialog.error': '' });
    },

    onDialogCancel() {
      if (!this.data.dialog.busy) this.setData({ dialog: CLOSED });
    },

    async onDialogConfirm() {
      const { kind, busy } = this.data.dialog;
      const reason = this.data.dialog.reason.trim();
      if (busy) return;
      const min = isReveal(kind) ? REVEAL_MIN : 1;
      if (reason.length < min) {
        const error = isReveal(kind) ? `请填写查看理由（至少${REVEAL_MIN}个字）` : `请填写${REASON_TITLE[kind]}`;
        this.setData({ 'dialog.error': error });
        return;
      }
      this.setData({ 'dialog.busy': true });
      if (isReveal(kind)) await this.reveal(kind, reason);
      else await this.decide(kind, reason);
    },

    async reveal(field: RevealField, reason: string) {
      const res = await call('nomination', 'reveal', { nominationId: this.data.id, field, reason });
      if (!res.ok) {
        this.setData({ 'dialog.busy': false, 'dialog.error': res.message });
        return;
      }
      this.setData({ dialog: CLOSED, [`revealed.${field}`]: res.data.value });
    },

    async onApprove() {
      const n = this.data.nomination;
      if (!n || this.data.busy) return;
      const sure = await confirmModal('确认通过', approveQuestion(n.name), '通过');
      if (sure) await this.decide('approve', '');
    },

    async decide(decision: ReviewDecision, comment: string) {
      this.setData({ busy: true });
      const res = await call('nomination', 'review', {
        nominationId: this.data.id,
        decision,
        ...(comment ? { comment } : {}),
        ...(decision === 'approve' ? { confirm: APPROVE_CONFIRM } : {}),
      });
      this.setData({ busy: false, dialog: res.ok ? CLOSED : this.data.dialog });
      if (!res.ok) return this.failed(res);
      toast(this, DONE_TEXT[decision], 'success');
      await this.load();
    },

    failed(failure: CallFailure) {
      if (this.data.dialog.visible) this.setData({ 'dialog.busy': false, 'dialog.error': failure.message });
      else toast(this, failure.message);
      if (isStale(failure.code)) void this.load();
    },

    onRetry() {
      void this.load();
    },
  },
});
