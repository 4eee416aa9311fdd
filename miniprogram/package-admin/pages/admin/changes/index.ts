/**
 * 信息变更审核 (issue 14): a youth who moved to this unit or changed post asked, in 我的数据, for the change; the
 * unit approves it (the record moves and counts as confirmed) or refuses it with the reason the cadre types, which
 * the youth reads in the message centre.
 */
import type { ChangeView } from '../../../../core/contracts/registry';
import { reasonText } from '../../../../core/contracts/common';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { chinaDateTime } from '../../../../lib/format';
import { confirmModal, toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { textSize } from '../../../../behaviors/text-size';

const rowOf = (c: ChangeView) => ({
  id: c.youthId,
  name: c.name,
  line: `自${c.fromUnitName || '其他单位'}转入 · 岗位 ${c.post || '未填'}${c.postSince ? `（${c.postSince}起任）` : ''}`,
  requested: `申请于 ${chinaDateTime(c.requestedAt)}`,
});
type Row = ReturnType<typeof rowOf>;

const list = pagedList({
  fetch: (data: { unitId: string }, page: number) =>
    call('registry', 'changes', { unitId: data.unitId, page, pageSize: PAGE_SIZE }),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: { unitId: '', unitName: '' },
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
      if (who.scope.level !== 'unit') return this.setData({ loading: false, error: '信息变更由转入单位的管理员审核' });
      this.setData({ unitId: who.scope.orgId, unitName: who.scope.orgName });
      await this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    rowOf(e: WechatMiniprogram.CustomEvent): Row | undefined {
      const { id } = e.currentTarget.dataset as { id?: string };
      return (this.data.items as Row[]).find((r) => r.id === id);
    },
    async onApprove(e: WechatMiniprogram.CustomEvent) {
      const row = this.rowOf(e);
      if (!row) return;
      const ok = await confirmModal(
        '通过变更',
        `通过后${row.name}的记录转入${this.data.unitName}（或更新岗位）。`,
        '通过',
      );
      if (!ok) return;
      const res = await call('registry', 'decideChange', { youthId: row.id, approve: true });
      if (!res.ok) return toast(this, res.message);
      this.dropRows((r: Row) => r.id === row.id);
      toast(this, '已通过', 'success');
    },
    async onReject(e: WechatMiniprogram.CustomEvent) {
      const row = this.rowOf(e);
      if (!row) return;
      const answer = await askReason(this, '.reject-dialog', {
        title: `不通过${row.name}的信息变更`,
        label: { label: '不通过的原因', after: '青年将看到此原因' },
        schema: reasonText,
        placeholder: '必填，青年将在消息中看到此原因',
        warning: '不通过后，记录仍留在原单位。',
        confirmText: '不通过',
        send: (reason) => call('registry', 'decideChange', { youthId: row.id, approve: false, reason }),
      });
      if (!answer) return;
      this.dropRows((r: Row) => r.id === row.id);
      toast(this, '已不予通过，已告知本人', 'success');
    },
  },
});
