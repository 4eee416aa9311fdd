/**
 * One service request (issue 12), for the youth who asked and for its handler: the fields, the description,
 * the timeline of status notes, and what the caller may do now (from the request table): accept, decline with a
 * reason, post a status note, resolve with what was done; confirm with a rating, or reopen within 7 days.
 */
import type { RequestDetailView } from '../../../core/contracts/services';
import { confirmModal, toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import { detailOf } from '../../lib/request';
import { textSize } from '../../../behaviors/text-size';

type Detail = ReturnType<typeof detailOf>;
type TextAction = 'decline' | 'note' | 'resolve' | 'reopen';

const TEXT_ACTIONS: Record<TextAction, { label: string; placeholder: string; min: number; done: string }> = {
  decline: { label: '不予受理的原因', placeholder: '申请人将看到此原因', min: 4, done: '已告知申请人' },
  note: { label: '办理进展', placeholder: '如：已联系人才公寓运营方，下周安排看房', min: 4, done: '进展已发送' },
  resolve: { label: '办理结果', placeholder: '说明为申请人做了什么', min: 4, done: '已办结，等待申请人评价' },
  reopen: { label: '重新办理的原因', placeholder: '说明哪里还没有解决', min: 4, done: '已申请重新办理' },
};
const RATINGS = [1, 2, 3, 4, 5];

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    id: '',
    detail: null as Detail | null,
    pending: '' as TextAction | 'confirm' | '',
    pendingLabel: '',
    placeholder: '',
    text: '',
    textError: '',
    rating: 0,
    ratings: RATINGS,
    sending: false,
    requestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('services', 'get', { requestId: this.data.id });
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.show(res.data);
    },
    show(d: RequestDetailView) {
      this.setData({ loading: false, detail: detailOf(d), pending: '', text: '', textError: '', rating: 0 });
    },
    onRetry() {
      void this.load();
    },
    async onAction(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      if (id === 'accept') return this.accept();
      const spec = id === 'confirm' ? null : TEXT_ACTIONS[id as TextAction];
      this.setData({
        pending: id as TextAction | 'confirm',
        pendingLabel: spec ? spec.label : '评价（选填）',
        placeholder: spec ? spec.placeholder : '说说您的感受',
        text: '',
        textError: '',
        requestId: newRequestId(),
      });
    },
    async accept() {
      if (!(await confirmModal('受理申请', '受理后请在办理时限内办结，并及时填写办理进展。', '受理'))) return;
      const res = await call('services', 'accept', { requestId: this.data.id });
      if (!res.ok) return toast(this, res.message);
      this.show(res.data);
      toast(this, '已受理，申请人已收到通知', 'success');
    },
    onCancel() {
      this.setData({ pending: '' });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, textError: '' });
    },
    onRate(e: WechatMiniprogram.CustomEvent) {
      this.setData({ rating: (e.currentTarget.dataset as { value: number }).value, textError: '' });
    },
    /** What is missing before sending, or ''. */
    problem(): string {
      const { pending, rating } = this.data;
      if (pending === 'confirm') return rating < 1 ? '请选择满意度' : '';
      if (!pending) return '';
      const spec = TEXT_ACTIONS[pending];
      return this.data.text.trim().length < spec.min ? `请填写${spec.label}（至少${spec.min}个字）` : '';
    },
    send(pending: TextAction | 'confirm', text: string) {
      const { id, requestId, rating } = this.data;
      if (pending === 'confirm')
        return call('services', 'confirm', { requestId: id, rating, comment: text || undefined }, requestId);
      if (pending === 'decline' || pending === 'reopen')
        return call('services', pending, { requestId: id, reason: text }, requestId);
      return call('services', pending, { requestId: id, text }, requestId);
    },
    async onSend() {
      const { pending } = this.data;
      if (!pending || this.data.sending) return;
      const problem = this.problem();
      if (problem) return this.setData({ textError: problem });
      this.setData({ sending: true });
      const res = await this.send(pending, this.data.text.trim());
      this.setData({ sending: false });
      if (!res.ok) return this.setData({ textError: res.message });
      this.show(res.data);
      toast(this, pending === 'confirm' ? '感谢您的评价' : TEXT_ACTIONS[pending].done, 'success');
    },
  },
});
