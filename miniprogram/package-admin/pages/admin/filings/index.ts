/**
 * 备案 (R4.4, R4.5). A unit admin files the unit's approved list, which then
 * locks, and uploads the stamped summary table. A district admin does the same
 * for its 其他基层领域 list, and with the city follows every filing: filter by
 * state, remind the late ones in one tap, send a filing back with a reason.
 */
import type { FilingView } from '../../../../core/contracts/admin';
import { FILING_LABELS, FILING_STATES } from '../../../../core/filing';
import { call } from '../../../../services/cloud';
import {
  appendPatch,
  choices,
  districtChoices,
  isCurrent,
  loadAdminScope,
  nextGeneration,
  type AdminScope,
  type Choice,
} from '../../../../components/admin-scope';
import { confirmModal, toast } from '../../../../lib/ui';

const PAGE_SIZE = 20;
/** Filters on the list; 已退回 are the reopened ones. */
const STATE_CHOICES = choices({ ...FILING_LABELS, reopened: '已退回' }, FILING_STATES);

type FilingState = FilingView['state'];

interface ReopenDialog {
  visible: boolean;
  filingId: string;
  name: string;
  reason: string;
  error: string;
  busy: boolean;
}

const CLOSED: ReopenDialog = { visible: false, filingId: '', name: '', reason: '', error: '', busy: false };

const LOCK_TEXT =
  '备案后名单锁定：不能再通过新的推荐，也不能撤回或修改已通过的人员；如需变更，须由区县团委或团市委退回后重新备案。';

/** A district admin's own 其他基层领域 filing, looked for page by page (a district has few filings). */
async function findDistrictFiling(districtId: string): Promise<FilingView | null | string> {
  for (let page = 1; page <= 20; page += 1) {
    const res = await call('admin', 'filings', { districtId, page, pageSize: 50 });
    if (!res.ok) return res.message;
    const own = res.data.items.find((f) => f.kind === 'district' && f.orgId === districtId);
    if (own) return own;
    if (!res.data.hasMore) return null;
  }
  return null;
}

/** The filings this admin files: a unit's own, or a district's grassroots list. */
async function ownFilings(scope: AdminScope): Promise<FilingView[] | string> {
  if (scope.level === 'city') return [];
  if (scope.level === 'district') {
    const own = await findDistrictFiling(scope.orgId);
    return typeof own === 'string' ? own : own ? [own] : [];
  }
  const res = await call('admin', 'filings', { page: 1, pageSize: 50 });
  return res.ok ? res.data.items : res.message;
}

/** The server answers a changed filing without its district name: keep the one the list had. */
const merged = (before: FilingView, after: FilingView): FilingView => ({
  ...after,
  districtName: after.districtName || before.districtName,
});

Component({
  data: {
    loading: true,
    error: '',
    level: '' as AdminScope['level'] | '',
    scopeName: '',
    own: [] as FilingView[],
    ownHint: '',
    overseer: false,
    stateChoices: STATE_CHOICES,
    state: '',
    districts: [] as Choice[],
    districtId: '',
    items: [] as FilingView[],
    page: 0,
    total: 0,
    hasMore: false,
    listLoading: false,
    listError: '',
    loadingMore: false,
    busyId: '',
    reminding: false,
    remindResult: '',
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
      const scope = who.scope;
      const overseer = scope.level !== 'unit';
      this.setData({ level: scope.level, scopeName: scope.orgName, overseer });
      const [own, districts] = await Promise.all([
        ownFilings(scope),
        scope.level === 'city' ? districtChoices(scope.orgId) : Promise.resolve([]),
      ]);
      if (typeof own === 'string') {
        this.setData({ loading: false, error: own });
        return;
      }
      this.setData({
        loading: false,
        own,
        districts,
        ownHint:
          scope.level === 'unit' && own.length === 0
            ? '本单位属于两新组织或其他基层领域，名单由所在区县团委统一备案（其他基层领域），无需单独备案。'
            : '',
      });
      if (overseer) await this.loadFirst();
    },

    listQuery(page: number) {
      const { state, districtId } = this.data;
      return {
        ...(state ? { state: state as FilingState } : {}),
        ...(districtId ? { districtId } : {}),
        page,
        pageSize: PAGE_SIZE,
      };
    },

    async loadFirst() {
      const generation = nextGeneration(this);
      this.setData({ listLoading: true, listError: '', items: [], page: 0, total: 0, hasMore: false });
      const res = await call('admin', 'filings', this.listQuery(1));
      if (!isCurrent(this, generation)) return;
      if (!res.ok) {
        this.setData({ listLoading: false, listError: res.message });
        return;
      }
      const { items, total, hasMore } = res.data;
      this.setData({ listLoading: false, items, page: 1, total, hasMore });
    },

    async loadMore() {
      if (!this.data.hasMore || this.data.loadingMore || this.data.listLoading) return;
      const generation = nextGeneration(this);
      this.setData({ loadingMore: true });
      const res = await call('admin', 'filings', this.listQuery(this.data.page + 1));
      if (!isCurrent(this, generation)) return;
      if (!res.ok) {
        this.setData({ loadingMore: false });
        toast(this, res.message);
        return;
      }
      const { page, total, hasMore, items } = res.data;
      this.setData({
        loadingMore: false,
        page,
        total,
        hasMore,
        ...appendPatch('items', this.data.items.length, items),
      });
    },

    onState(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ state: e.detail.value });
      void this.loadFirst();
    },
    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ districtId: e.detail.value, remindResult: '' });
      void this.loadFirst();
    },
    onLoadMore() {
      void this.loadMore();
    },
    onReachBottom() {
      void this.loadMore();
    },
    onRetry() {
      void this.init();
    },
    onRetryList() {
      void this.loadFirst();
    },

    /** Replace one own filing in place (path setData), keeping its district name. */
    replaceOwn(filing: FilingView) {
      const index = this.data.own.findIndex((f) => f.id === filing.id);
      if (index >= 0) this.setData({ [`own[${index}]`]: merged(this.data.own[index], filing) });
    },

    async onFile(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const filing = this.data.own.find((f) => f.id === id);
      if (!filing || this.data.busyId) return;
      const sure = await confirmModal(
        '确认提交备案',
        `将备案“${filing.name}”的好青年名单（${filing.approvedRows}人）。${LOCK_TEXT}`,
        '提交备案',
      );
      if (!sure) return;
      this.setData({ busyId: filing.id });
      const res = await call('admin', 'file', { filingId: filing.id });
      this.setData({ busyId: '' });
      if (!res.ok) {
        toast(this, res.message);
        if (res.code === 'FILING.ALREADY_FILED') void this.init();
        return;
      }
      this.replaceOwn(res.data.filing);
      toast(this, '已备案，名单已锁定', 'success');
      if (this.data.overseer) void this.loadFirst();
    },

    onScanUploaded(e: WechatMiniprogram.CustomEvent<{ filing: FilingView }>) {
      const filing = e.detail.filing;
      this.replaceOwn(filing);
      if (filing.rowMismatch) toast(this, '盖章表行数与备案人数不一致，已提醒上级核实', 'warning');
      else toast(this, '盖章汇总表已上传', 'success');
    },

    async onRemind() {
      if (this.data.reminding) return;
      const { districtId, districts, scopeName } = this.data;
      const where = districtId ? (districts.find((d) => d.value === districtId)?.label ?? '') : scopeName;
      const sure = await confirmModal(
        '一键提醒',
        `将向${where}所有尚未备案的单位管理员发送备案提醒（截止7月31日）。`,
        '发送提醒',
      );
      if (!sure) return;
      this.setData({ reminding: true });
      const res = await call('admin', 'remindLate', districtId ? { districtId } : {});
      if (!res.ok) {
        this.setData({ reminding: false });
        toast(this, res.message);
        return;
      }
      const n = res.data.reminded;
      const remindResult = n > 0 ? `已向 ${n} 位管理员发送备案提醒` : '未备案单位暂无已绑定的管理员，未发送提醒';
      this.setData({ reminding: false, remindResult });
      toast(this, remindResult, n > 0 ? 'success' : 'warning');
    },

    onReopen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const filing = this.data.items.find((f) => f.id === id);
      if (!filing) return;
      this.setData({ dialog: { ...CLOSED, visible: true, filingId: filing.id, name: filing.name } });
    },
    onReasonInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.reason': e.detail.value, 'dialog.error': '' });
    },
    onDialogCancel() {
      if (!this.data.dialog.busy) this.setData({ dialog: CLOSED });
    },

    async onDialogConfirm() {
      const { filingId, busy } = this.data.dialog;
      const reason = this.data.dialog.reason.trim();
      if (busy) return;
      if (reason.length < 2) {
        this.setData({ 'dialog.error': '请填写退回原因（至少2个字），单位将看到此原因' });
        return;
      }
      this.setData({ 'dialog.busy': true });
      const res = await call('admin', 'reopen', { filingId, reason });
      if (!res.ok) {
        this.setData({ 'dialog.busy': false, 'dialog.error': res.message });
        return;
      }
      const index = this.data.items.findIndex((f) => f.id === filingId);
      const patch = index >= 0 ? { [`items[${index}]`]: merged(this.data.items[index], res.data.filing) } : {};
      this.setData({ dialog: CLOSED, ...patch });
      this.replaceOwn(res.data.filing);
      toast(this, '已退回，单位可修改后重新备案', 'success');
    },
  },
});
