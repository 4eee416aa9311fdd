/**
 * 名额申请: a unit admin asks its district (the city, for a city-level unit) for more places, with a reason; the
 * district approves — the quota changes as 名额管理 changes it — or refuses, with the reason the unit reads. Both
 * see the requests of their scope, pending or decided.
 */
import type { QuotaRequestView } from '../../../../core/contracts/admin';
import { DecideQuotaRequestInput, RequestQuotaInput } from '../../../../core/contracts/forms';
import { call } from '../../../../services/cloud';
import { valueError } from '../../../../services/form-errors';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { chinaDateTime } from '../../../../lib/format';
import { toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { textSize } from '../../../../behaviors/text-size';

type Tab = 'pending' | 'decided';
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'pending', label: '待审批' },
  { value: 'decided', label: '已审批' },
];
const STATUS_LABELS: Record<QuotaRequestView['status'], string> = {
  pending: '待审批',
  approved: '已同意',
  rejected: '未同意',
};

const rowOf = (r: QuotaRequestView) => ({
  ...r,
  statusLabel: STATUS_LABELS[r.status],
  createdText: chinaDateTime(r.createdAt),
  decidedText: r.decidedAt ? chinaDateTime(r.decidedAt) : '',
});

const quotaOf = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

const list = pagedList({
  fetch: (data: { status: Tab }, page: number) =>
    call('admin', 'quotaRequests', { status: data.status, page, pageSize: PAGE_SIZE }),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: { tabs: TABS, status: 'pending' as Tab, unitId: '', unitName: '', canDecide: false, quota: '' },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      this.setData({ loading: true, error: '' });
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      const unit = who.scope.level === 'unit';
      this.setData({ unitId: unit ? who.scope.orgId : '', unitName: unit ? who.scope.orgName : '', canDecide: !unit });
      await this.loadFirst();
    },
    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      if (e.detail.value === this.data.status) return;
      this.setData({ status: e.detail.value });
      void this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    onQuotaInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ quota: e.detail.value });
    },

    /** The unit asks: the number wanted (more than it has) and why. */
    async onAsk() {
      const { unitId, unitName } = this.data;
      if (!unitId) return;
      this.setData({ quota: '' });
      const answer = await askReason(this, '.ask-dialog', {
        title: `申请增加名额（${unitName}）`,
        label: '申请理由',
        schema: RequestQuotaInput.shape.reason,
        placeholder: '申请理由（必填，区县团委将据此审批）',
        hint: '请填写希望调整到的名额总数，须多于现有名额。',
        check: () => valueError(RequestQuotaInput.shape.quota, quotaOf(this.data.quota), '申请名额'),
        send: (reason) => call('admin', 'requestQuota', { unitId, quota: quotaOf(this.data.quota), reason }),
      });
      if (!answer) return;
      toast(this, '已提交申请，等待区县团委审批', 'success');
      if (this.data.status === 'pending') void this.loadFirst();
    },

    onApprove(e: WechatMiniprogram.CustomEvent) {
      void this.decide(e, 'approve');
    },
    onReject(e: WechatMiniprogram.CustomEvent) {
      void this.decide(e, 'reject');
    },

    async decide(e: WechatMiniprogram.CustomEvent, decision: 'approve' | 'reject') {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((r) => r.id === id);
      if (!row || !this.data.canDecide) return;
      const approve = decision === 'approve';
      const answer = await askReason(this, '.decide-dialog', {
        title: `${approve ? '同意' : '不同意'}名额申请（${row.unitName}）`,
        label: approve ? '审批意见' : '不同意的原因',
        schema: DecideQuotaRequestInput.shape.reason,
        placeholder: '必填，单位将看到此意见',
        hint: approve ? `同意后，${row.unitName}的名额将由${row.limitBefore}名调整为${row.requested}名。` : '',
        send: (reason) => call('admin', 'decideQuotaRequest', { requestId: row.id, decision, reason }),
      });
      if (!answer) return;
      this.dropRows((r) => r.id === row.id);
      toast(this, approve ? `已同意，名额调整为${row.requested}名` : '已记录：不同意', 'success');
    },
  },
});
