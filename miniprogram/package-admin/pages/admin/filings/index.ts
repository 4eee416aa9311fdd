/**
 * 备案 (R4.4, R4.5). A unit admin files the unit's approved list, which then
 * locks, and uploads the stamped summary table. A district admin does the same
 * for its 其他基层领域 list, and with the city follows every filing: filter by
 * state, remind the late ones in one tap, send a filing back with a reason.
 */
import type { FilingView } from '../../../../core/contracts/admin';
import { FileInput, ReopenInput } from '../../../../core/contracts/forms';
import { FILING_STATES } from '../../../../core/filing';
import { call } from '../../../../services/cloud';
import { loadAdminScope, type AdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { alertModal, confirmModal, toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { districtChoices, type Choice } from '../../../lib/choices';
import { FILED_BY_DISTRICT, LOCK_TEXT, merged, ownFilings, remindText, STATE_CHOICES } from '../../../lib/filings';
import { textSize } from '../../../../behaviors/text-size';

const list = pagedList({
  fetch: (d: { state: string; districtId: string }, page: number) => {
    const state = FILING_STATES.find((s) => s === d.state);
    const query = { ...(state ? { state } : {}), ...(d.districtId ? { districtId: d.districtId } : {}), page };
    return call('admin', 'filings', { ...query, pageSize: PAGE_SIZE });
  },
  row: (f: FilingView) => f,
});

Component({
  behaviors: [textSize, list],
  data: {
    /** The page's own load (scope and own filings); the overseers' list has the Behavior's. */
    initLoading: true,
    initError: '',
    level: '' as AdminScope['level'] | '',
    scopeName: '',
    own: [] as FilingView[],
    ownHint: '',
    overseer: false,
    stateChoices: STATE_CHOICES,
    state: '',
    districts: [] as Choice[],
    districtId: '',
    busyId: '',
    reminding: false,
    remindResult: '',
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      this.setData({ initLoading: true, initError: '' });
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ initLoading: false, initError: who.message });
      const { level, orgId, orgName } = who.scope;
      const overseer = level !== 'unit';
      this.setData({ level, scopeName: orgName, overseer });
      const [own, districts] = await Promise.all([
        ownFilings(who.scope),
        level === 'city' ? districtChoices(orgId) : Promise.resolve([]),
      ]);
      if (typeof own === 'string') return this.setData({ initLoading: false, initError: own });
      const ownHint = level === 'unit' && own.length === 0 ? FILED_BY_DISTRICT : '';
      this.setData({ initLoading: false, own, districts, ownHint });
      if (overseer) await this.loadFirst();
    },

    onState(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ state: e.detail.value });
      void this.loadFirst();
    },
    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ districtId: e.detail.value, remindResult: '' });
      void this.loadFirst();
    },
    onRetryPage() {
      void this.init();
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
      if (filing.approvedRows === 0) return this.fileEmpty(filing);
      const what = `将备案“${filing.name}”的好青年名单（${filing.approvedRows}人）。${LOCK_TEXT}`;
      if (!(await confirmModal('确认提交备案', what, '提交备案'))) return;
      this.setData({ busyId: filing.id });
      const res = await call('admin', 'file', { filingId: filing.id });
      this.setData({ busyId: '' });
      if (!res.ok) {
        // Shown whole: the person must act on it (objections pending, an empty list…), issue 9 §5.
        void alertModal('未能备案', res.message);
        if (res.code === 'FILING.ALREADY_FILED') void this.init();
        return;
      }
      this.filed(res.data.filing);
    },

    /** Issue 9 §4: nothing approved is filed only as the declaration "本单位本期无推荐人选", with its reason. */
    async fileEmpty(filing: FilingView) {
      const res = await askReason(this, '.empty-dialog', {
        title: '本单位本期无推荐人选',
        hint: `“${filing.name}”名单中没有已通过的好青年。如本单位本期确无推荐人选，请说明原因后备案。`,
        warning: LOCK_TEXT,
        label: '无推荐人选的原因',
        required: true,
        schema: FileInput.shape.emptyReason,
        placeholder: '如：本单位青年均不符合本期年龄条件',
        confirmText: '声明并备案',
        send: (emptyReason) => call('admin', 'file', { filingId: filing.id, emptyReason }),
      });
      if (res) this.filed(res.filing);
    },

    filed(filing: FilingView) {
      this.replaceOwn(filing);
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
      const { districtId, districts, scopeName, reminding } = this.data;
      if (reminding) return;
      const where = districtId ? (districts.find((d) => d.value === districtId)?.label ?? '') : scopeName;
      const text = `将向${where}所有尚未备案的单位管理员发送备案提醒。`;
      if (!(await confirmModal('一键提醒', text, '发送提醒'))) return;
      this.setData({ reminding: true });
      const res = await call('admin', 'remindLate', districtId ? { districtId } : {});
      this.setData({ reminding: false });
      if (!res.ok) return toast(this, res.message);
      // Said in full on the page: who was reminded, who could not be and why (issue 9 §9).
      this.setData({ remindResult: remindText(res.data) });
    },

    async onReopen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const index = this.data.items.findIndex((f) => f.id === id);
      const filing = this.data.items[index];
      if (!filing) return;
      const res = await askReason(this, '.reopen-dialog', {
        title: `退回重报（${filing.name}）`,
        label: { label: '退回原因', after: '单位将看到此原因' },
        schema: ReopenInput.shape.reason,
        placeholder: '退回原因（必填，单位将看到）',
        hint: '退回后名单解除锁定，单位修改后须重新备案。',
        confirmText: '退回',
        send: (reason) => call('admin', 'reopen', { filingId: filing.id, reason }),
      });
      if (!res) return;
      this.setRow(index, merged(filing, res.filing));
      this.replaceOwn(res.filing);
      toast(this, '已退回，单位可修改后重新备案', 'success');
    },
  },
});
