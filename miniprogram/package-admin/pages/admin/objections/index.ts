/**
 * 异议处理 (R8): objections raised against the public notice. The unit that
 * reviewed the youth records a disposition with a note — 成立 un-selects the
 * youth and frees the place — and filing waits until every one has one.
 * Districts and the city follow them read-only.
 */
import type { ObjectionView } from '../../../../core/contracts/admin';
import { call } from '../../../../services/cloud';
import { loadFirstPage, loadNextPage, PAGE_SIZE } from '../../../../components/paged-list';
import { chinaDateTime } from '../../../../lib/format';
import { loadAdminScope } from '../../../../components/admin-scope';
import { confirmModal, toast } from '../../../../lib/ui';

type Status = 'open' | 'resolved';
type Disposition = 'upheld' | 'dismissed';

const TABS: Array<{ value: Status; label: string }> = [
  { value: 'open', label: '待处理' },
  { value: 'resolved', label: '已处理' },
];
const DISPOSITION_LABELS: Record<Disposition, string> = { upheld: '异议成立', dismissed: '异议不成立' };

interface ObjectionRow {
  id: string;
  youthName: string;
  unitName: string;
  content: string;
  createdAt: string;
  disposition: string;
  upheld: boolean;
  note: string;
  resolvedAt: string;
}

interface ResolveDialog {
  visible: boolean;
  id: string;
  youthName: string;
  disposition: Disposition;
  title: string;
  note: string;
  error: string;
  busy: boolean;
}

const CLOSED: ResolveDialog = {
  visible: false,
  id: '',
  youthName: '',
  disposition: 'dismissed',
  title: '',
  note: '',
  error: '',
  busy: false,
};

function rowOf(o: ObjectionView): ObjectionRow {
  return {
    id: o.id,
    youthName: o.youthName,
    unitName: o.unitName,
    content: o.content,
    createdAt: chinaDateTime(o.createdAt),
    disposition: o.disposition ? DISPOSITION_LABELS[o.disposition] : '',
    upheld: o.disposition === 'upheld',
    note: o.note ?? '',
    resolvedAt: chinaDateTime(o.resolvedAt),
  };
}

const emptyText = (status: Status): string => (status === 'open' ? '暂无待处理的异议' : '暂无已处理的异议');

Component({
  data: {
    tabs: TABS,
    status: 'open' as Status,
    emptyText: emptyText('open'),
    ready: false,
    canResolve: false,
    loading: true,
    error: '',
    items: [] as ObjectionRow[],
    page: 0,
    total: 0,
    hasMore: false,
    loadingMore: false,
    dialog: CLOSED,
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
      if (!who.ok) {
        this.setData({ loading: false, error: who.message });
        return;
      }
      // Only the reviewing unit disposes of an objection; overseers follow.
      this.setData({ ready: true, canResolve: who.scope.level === 'unit' });
      await this.loadFirst();
    },

    loadFirst() {
      return loadFirstPage(this, (page) => call('admin', 'objections', this.query(page)), rowOf);
    },

    query(page: number) {
      return { status: this.data.status, page, pageSize: PAGE_SIZE };
    },

    loadMore() {
      return loadNextPage(this, (page) => call('admin', 'objections', this.query(page)), rowOf);
    },

    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: Status }>) {
      if (e.detail.value === this.data.status) return;
      this.setData({ status: e.detail.value, emptyText: emptyText(e.detail.value) });
      void this.loadFirst();
    },
    onLoadMore() {
      void this.loadMore();
    },
    onReachBottom() {
      void this.loadMore();
    },
    onRetry() {
      if (this.data.ready) void this.loadFirst();
      else void this.init();
    },

    onUphold(e: WechatMiniprogram.CustomEvent) {
      this.openDialog(e, 'upheld');
    },
    onDismiss(e: WechatMiniprogram.CustomEvent) {
      this.openDialog(e, 'dismissed');
    },

    openDialog(e: WechatMiniprogram.CustomEvent, disposition: Disposition) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((o) => o.id === id);
      if (!row || !this.data.canResolve) return;
      const title = `${DISPOSITION_LABELS[disposition]}（${row.youthName}）`;
      this.setData({ dialog: { ...CLOSED, visible: true, id: row.id, youthName: row.youthName, disposition, title } });
    },
    onNoteInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.note': e.detail.value, 'dialog.error': '' });
    },
    onDialogCancel() {
      if (!this.data.dialog.busy) this.setData({ dialog: CLOSED });
    },

    async onDialogConfirm() {
      const { id, youthName, disposition, busy } = this.data.dialog;
      const note = this.data.dialog.note.trim();
      if (busy) return;
      if (note.length < 2) {
        this.setData({ 'dialog.error': '请填写核实情况说明（至少2个字）' });
        return;
      }
      if (disposition === 'upheld') {
        const sure = await confirmModal(
          '确认异议成立',
          `异议成立将取消${youthName}的入选资格（改为未通过），并释放本单位名额。此操作不可撤销。`,
          '确认成立',
        );
        if (!sure) return;
      }
      this.setData({ 'dialog.busy': true });
      const res = await call('admin', 'resolveObjection', { objectionId: id, disposition, note });
      if (!res.ok) {
        this.setData({ 'dialog.busy': false, 'dialog.error': res.message });
        return;
      }
      const items = this.data.items.filter((o) => o.id !== id);
      this.setData({ dialog: CLOSED, items, total: Math.max(0, this.data.total - 1) });
      toast(
        this,
        disposition === 'upheld' ? `异议成立，已取消${youthName}的入选资格` : '已记录：异议不成立',
        'success',
      );
    },
  },
});
