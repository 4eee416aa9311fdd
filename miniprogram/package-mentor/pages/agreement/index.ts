/**
 * 师徒协议 (issue 11): the agreement generated from the pair's data. Before anyone signs, either party may set the
 * term, the cycle and the starting self-ratings; each party reads to the end, confirms, and signs by hand on the
 * canvas (the PNG is uploaded, the server hashes it and binds it to the text's hash). Then: the Word file with both
 * signatures, the first-meeting fit question, ending early with a reason, and the mentor's final assessment.
 */
import type { AgreementView } from '../../../core/contracts/mentoring';
import { call } from '../../../services/cloud';
import { confirmModal, go, toast } from '../../../lib/ui';
import {
  agreementRows,
  CYCLE_CHOICES,
  FIT_CHOICES,
  MONTH_CHOICES,
  openWord,
  padOf,
  uploadSignature,
} from '../../lib/agreement';
import { signing } from '../../lib/signing';
import { textSize } from '../../../behaviors/text-size';

type Rows = ReturnType<typeof agreementRows>;
const dataset = (e: WechatMiniprogram.CustomEvent) => e.currentTarget.dataset as Record<string, string | number>;

Component({
  behaviors: [textSize, signing],
  data: {
    loading: true,
    error: '',
    id: '',
    a: null as Rows | null,
    read: false,
    busy: false,
    reason: '',
    finals: [] as number[],
    comment: '',
    months: MONTH_CHOICES,
    cycles: CYCLE_CHOICES,
    fits: FIT_CHOICES,
    scale: [1, 2, 3, 4, 5],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('mentoring', 'agreement', { agreementId: this.data.id });
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.show(res.data);
    },
    show(a: AgreementView) {
      this.setData({ loading: false, a: agreementRows(a), finals: a.goals.map((g) => g.final ?? g.start) });
    },
    onRetry() {
      void this.load();
    },
    async edit(change: { months?: number; cycleDays?: number; ratings?: number[] }) {
      const a = this.data.a;
      if (!a?.canEdit) return;
      const res = await call('mentoring', 'editAgreement', {
        agreementId: a.id,
        months: (change.months ?? a.months) as 6 | 12 | 24,
        cycleDays: (change.cycleDays ?? a.cycleDays) as 14 | 30 | 60,
        ratings: change.ratings ?? a.goals.map((g) => g.start),
      });
      if (!res.ok) return toast(this, res.message);
      this.setData({ read: false });
      this.show(res.data);
    },
    onMonths(e: WechatMiniprogram.CustomEvent) {
      void this.edit({ months: Number(dataset(e).value) });
    },
    onCycle(e: WechatMiniprogram.CustomEvent) {
      void this.edit({ cycleDays: Number(dataset(e).value) });
    },
    onStart(e: WechatMiniprogram.CustomEvent) {
      const { goal, value } = dataset(e);
      const ratings = (this.data.a?.goals ?? []).map((g, i) => (i === Number(goal) ? Number(value) : g.start));
      void this.edit({ ratings });
    },
    onRead() {
      this.setData({ read: !this.data.read });
    },
    async onSign() {
      const a = this.data.a;
      const hit = await padOf(this);
      if (!a || !hit) return;
      if (!this.data.read) return toast(this, '请先阅读协议全文并勾选确认', 'warning');
      if (!hit.pad.inked()) return toast(this, '请在签名区手写签名', 'warning');
      if (!(await confirmModal('确认签署', '签署后协议文本不可更改，签名将附于协议。', '确认签署'))) return;
      this.setData({ busy: true });
      const up = await uploadSignature(hit.node);
      const res = up.ok
        ? await call('mentoring', 'signAgreement', { agreementId: a.id, textHash: a.textHash, fileId: up.fileId })
        : up;
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      this.show(res.data);
      toast(this, res.data.status === 'active' ? '双方已签署，协议生效' : '已签署，等待对方签署', 'success');
    },
    async onWord() {
      const res = await call('mentoring', 'agreementFile', { agreementId: this.data.id });
      if (!res.ok) return toast(this, res.message);
      if (!(await openWord(res.data.url))) toast(this, '文件打开失败，请重试');
    },
    async onFit(e: WechatMiniprogram.CustomEvent) {
      const answer = String(dataset(e).value) as 'good' | 'unsure' | 'poor';
      if (answer === 'poor' && !(await confirmModal('结对不合适', '确认后本次结对将结束，团组织将重新匹配。', '确认')))
        return;
      const res = await call('mentoring', 'answerFit', { agreementId: this.data.id, answer });
      if (!res.ok) return toast(this, res.message);
      this.show(res.data);
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    async onEnd() {
      const reason = this.data.reason.trim();
      if (reason.length < 2) return toast(this, '请填写提前终止的理由', 'warning');
      if (!(await confirmModal('提前终止', '终止后结对结束，不可恢复。', '确认终止'))) return;
      const res = await call('mentoring', 'endAgreement', { agreementId: this.data.id, reason });
      if (!res.ok) return toast(this, res.message);
      this.show(res.data);
    },
    onFinal(e: WechatMiniprogram.CustomEvent) {
      const { goal, value } = dataset(e);
      this.setData({ [`finals[${Number(goal)}]`]: Number(value) });
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value });
    },
    async onComplete() {
      if (this.data.comment.trim().length < 4) return toast(this, '请填写结业评语（至少 4 个字）', 'warning');
      if (!(await confirmModal('结业评估', '提交后协议结业，结对结束。', '确认结业'))) return;
      const input = { agreementId: this.data.id, finals: this.data.finals, comment: this.data.comment.trim() };
      const res = await call('mentoring', 'completeAgreement', input);
      if (!res.ok) return toast(this, res.message);
      this.show(res.data);
    },
    onTimeline() {
      go(`/package-mentor/pages/loop/index?id=${this.data.id}`);
    },
  },
});
