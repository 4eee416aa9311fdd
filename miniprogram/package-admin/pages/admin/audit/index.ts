/**
 * 查看与导出记录 (the city's audit view, issue 9; R9.1): who saw which full ID number, phone or objector's
 * contact, when and why, who exported which summary table and who opened which stamped scan — from the audit
 * trail, which holds no value.
 */
import type { AuditItem } from '../../../../core/contracts/admin';
import { call } from '../../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { chinaDateTime } from '../../../../lib/format';
import { textSize } from '../../../../behaviors/text-size';

type Tab = 'reveal' | 'export';
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'reveal', label: '查看完整信息' },
  { value: 'export', label: '导出与扫描件' },
];
const KIND_LABELS: Record<AuditItem['kind'], string> = {
  idNumber: '查看完整身份证号',
  phone: '查看完整手机号',
  contact: '查看异议人联系方式',
  export: '导出汇总表',
  scan: '查看盖章扫描件',
};

const rowOf = (i: AuditItem) => ({
  id: i.id,
  when: chinaDateTime(i.at),
  who: i.actorName,
  what: `${KIND_LABELS[i.kind]} · ${i.subject}`,
  why: i.kind === 'export' || i.kind === 'scan' ? i.detail : `理由：${i.detail}`,
});

const list = pagedList({
  fetch: (data: { kind: Tab }, page: number) =>
    call('admin', 'auditLog', { kind: data.kind, page, pageSize: PAGE_SIZE }),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: { tabs: TABS, kind: 'reveal' as Tab },
  lifetimes: {
    attached() {
      void this.loadFirst();
    },
  },
  methods: {
    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      if (e.detail.value === this.data.kind) return;
      this.setData({ kind: e.detail.value });
      void this.loadFirst();
    },
  },
});
