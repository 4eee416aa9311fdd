/**
 * 异议处理 (R8): objections raised against the public notice. The unit that
 * reviewed the youth records a disposition with a note — 成立 un-selects the
 * youth and frees the place — and filing waits until every one has one.
 * Districts and the city follow them read-only.
 */
import type { ObjectionView } from '../../../../core/contracts/admin';
import { ResolveObjectionInput, RevealContactInput } from '../../../../core/contracts/forms';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { chinaDateTime } from '../../../../lib/format';
import { confirmModal, toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { textSize } from '../../../../behaviors/text-size';

type Status = 'open' | 'resolved';
type Disposition = 'upheld' | 'dismissed';

const TABS: Array<{ value: Status; label: string }> = [
  { value: 'open', label: '待处理' },
  { value: 'resolved', label: '已处理' },
];
const DISPOSITION_LABELS: Record<Disposition, string> = { upheld: '异议成立', dismissed: '异议不成立' };

function rowOf(o: ObjectionView) {
  return {
    id: o.id,
    youthName: o.youthName,
    unitName: o.unitName,
    content: o.content,
    contactMasked: o.contactMasked ?? '',
    contact: '',
    objector: o.objectorName ? `反映人：${o.objectorName}` : '反映人未署名',
    createdAt: chinaDateTime(o.createdAt),
    disposition: o.disposition ? DISPOSITION_LABELS[o.disposition] : '',
    upheld: o.disposition === 'upheld',
    note: o.note ?? '',
    resolvedAt: chinaDateTime(o.resolvedAt),
    // Whoever reviews the unit handles it (its admin, or the district for a unit without one); others follow.
    mayResolve: o.mayResolve,
  };
}

const emptyText = (status: Status): string => (status === 'open' ? '暂无待处理的异议' : '暂无已处理的异议');

/** 成立 un-selects the youth: asked once more, in words that say so. */
const confirmUphold = (youthName: string): Promise<boolean> =>
  confirmModal(
    '确认异议成立',
    `异议成立将取消${youthName}的入选资格（改为未通过），并释放本单位名额。此操作不可撤销。`,
    '确认成立',
  );

const list = pagedList({
  fetch: (data: { status: Status }, page: number) =>
    call('admin', 'objections', { status: data.status, page, pageSize: PAGE_SIZE }),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: {
    tabs: TABS,
    status: 'open' as Status,
    emptyText: emptyText('open'),
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
      await this.loadFirst();
    },

    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: Status }>) {
      if (e.detail.value === this.data.status) return;
      this.setData({ status: e.detail.value, emptyText: emptyText(e.detail.value) });
      void this.loadFirst();
    },
    onRetry() {
      void this.init();
    },

    /** Issue 9 §8: the objector's full contact, through the audited view with a reason (the one reason bound). */
    async onRevealContact(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const index = this.data.items.findIndex((o) => o.id === id);
      const row = this.data.items[index];
      if (!row) return;
      const shown = await askReason(this, '.resolve-dialog', {
        title: `查看异议人联系方式（${row.youthName}）`,
        label: '查看理由',
        schema: RevealContactInput.shape.reason,
        placeholder: '请填写查看理由，如：电话核实异议情况',
        note: '本次查看将被记录（查看人、时间、理由），仅限核实异议使用。',
        send: (reason) => call('admin', 'revealContact', { objectionId: row.id, reason }),
      });
      if (shown) this.setData({ [`items[${index}].contact`]: shown.value });
    },

    onUphold(e: WechatMiniprogram.CustomEvent) {
      void this.resolve(e, 'upheld');
    },
    onDismiss(e: WechatMiniprogram.CustomEvent) {
      void this.resolve(e, 'dismissed');
    },

    async resolve(e: WechatMiniprogram.CustomEvent, disposition: Disposition) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((o) => o.id === id);
      if (!row || !row.mayResolve) return;
      const upheld = disposition === 'upheld';
      const done = await askReason(this, '.resolve-dialog', {
        title: `${DISPOSITION_LABELS[disposition]}（${row.youthName}）`,
        label: '核实情况说明',
        schema: ResolveObjectionInput.shape.note,
        placeholder: '核实情况说明（必填，留档备查）',
        warning: upheld ? '异议成立将取消该青年的入选资格并释放名额。' : '',
        send: async (note) =>
          upheld && !(await confirmUphold(row.youthName))
            ? null
            : call('admin', 'resolveObjection', { objectionId: row.id, disposition, note }),
      });
      if (!done) return;
      this.dropRows((o) => o.id === row.id);
      toast(this, upheld ? `异议成立，已取消${row.youthName}的入选资格` : '已记录：异议不成立', 'success');
    },
  },
});
