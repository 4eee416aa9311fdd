/**
 * 通知送达 (issue 10): per notification kind, how many went out by WeChat,
 * how many stayed in the message centre only (no subscription left, or
 * refused) and how many failed; a city admin may run the sender by hand.
 */
import type { DeliveryRow } from '../../../../core/contracts/message';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

const AUDIENCE_LABELS: Record<DeliveryRow['audience'], string> = {
  youth: '青年',
  objector: '异议人',
  cadre: '管理员',
  mentor: '导师',
};

const rowOf = (r: DeliveryRow) => ({
  kind: r.kind,
  /** A class name: `quota.changed` → `quota-changed`. */
  cls: r.kind.replace('.', '-'),
  label: r.label,
  audience: AUDIENCE_LABELS[r.audience],
  sent: r.sent,
  inAppOnly: r.inAppOnly,
  failed: r.failed,
  pending: r.pending,
  total: r.sent + r.inAppOnly + r.failed + r.pending,
});

Component({
  behaviors: [textSize],
  data: { loading: true, error: '', rows: [] as Array<ReturnType<typeof rowOf>>, canDrain: false, draining: false },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [who, res] = await Promise.all([loadAdminScope(), call('message', 'deliveryStats', {})]);
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.setData({
        loading: false,
        rows: res.data.rows.map(rowOf),
        canDrain: who.ok && who.scope.level === 'city',
      });
    },
    onRetry() {
      void this.load();
    },
    async onDrain() {
      if (this.data.draining) return;
      this.setData({ draining: true });
      const res = await call('message', 'drain', {});
      this.setData({ draining: false });
      if (!res.ok) return toast(this, res.message);
      toast(this, `已发送 ${res.data.sent} 条，仅站内 ${res.data.inAppOnly} 条，失败 ${res.data.failed} 条`, 'success');
      await this.load();
    },
  },
});
