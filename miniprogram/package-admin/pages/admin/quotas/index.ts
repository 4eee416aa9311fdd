/**
 * 名额 (R3.1, R3.2): each unit's suggested quota beside the places approved.
 * The district or the city adjusts a unit's quota with a required reason; the
 * override and its reason stay visible to everyone who sees the unit.
 */
import type { QuotaView } from '../../../../core/contracts/admin';
import { SetQuotaInput } from '../../../../core/contracts/forms';
import { CATEGORY_LABELS } from '../../../../core/org';
import { isQuotaFull } from '../../../../core/quota';
import { call } from '../../../../services/cloud';
import { valueError } from '../../../../services/form-errors';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { districtChoices, type Choice } from '../../../lib/choices';
import { textSize } from '../../../../behaviors/text-size';

function rowOf(q: QuotaView) {
  return {
    unitId: q.unitId,
    unitName: q.unitName,
    category: CATEGORY_LABELS[q.category],
    youthCount: q.youthCount,
    suggested: q.suggested,
    approved: q.approved,
    limit: q.limit,
    overridden: q.override !== null,
    overrideReason: q.overrideReason ?? '',
    full: isQuotaFull(q.approved, q.limit),
  };
}

/** The number typed, as the contract's integer: '' or anything but digits is no number at all. */
const quotaOf = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

const list = pagedList({
  fetch: (data: { districtId: string }, page: number) =>
    call('admin', 'quotas', { ...(data.districtId ? { districtId: data.districtId } : {}), page, pageSize: PAGE_SIZE }),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: {
    canAdjust: false,
    districts: [] as Choice[],
    districtId: '',
    /** The number in the adjust dialog (its reason is the dialog's own). */
    quota: '',
  },
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
      // R3.2 only the district or the city may change a unit's quota.
      this.setData({ canAdjust: who.scope.level !== 'unit' });
      if (who.scope.level === 'city') this.setData({ districts: await districtChoices(who.scope.orgId) });
      await this.loadFirst();
    },

    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ districtId: e.detail.value });
      void this.loadFirst();
    },
    onRetry() {
      void this.init();
    },

    async onAdjust(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((q) => q.unitId === id);
      if (!row || !this.data.canAdjust) return;
      const { suggested, approved } = row;
      this.setData({ quota: String(row.limit) });
      const answer = await askReason(this, '.quota-dialog', {
        title: `调整名额（${row.unitName}）`,
        label: '调整原因',
        schema: SetQuotaInput.shape.reason,
        placeholder: '调整原因（必填，将通知单位并留档）',
        hint: `建议名额 ${suggested} 名，已通过 ${approved} 名；调整后的名额不能少于已通过人数。`,
        // The number first: the contract's range, in Chinese.
        check: () => valueError(SetQuotaInput.shape.quota, quotaOf(this.data.quota), '名额'),
        send: (reason) => call('admin', 'setQuota', { unitId: row.unitId, quota: quotaOf(this.data.quota), reason }),
      });
      if (answer) this.adjusted(answer.quota);
    },
    onQuotaInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ quota: e.detail.value });
    },

    adjusted(q: QuotaView) {
      this.setRow(
        this.data.items.findIndex((r) => r.unitId === q.unitId),
        q,
      );
      toast(this, `已将${q.unitName}的名额调整为 ${q.limit} 名`, 'success');
    },
  },
});
