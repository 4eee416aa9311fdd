/**
 * 青年库 (issue 14): a cadre's living database — active youths or alumni (校友) of their scope, 20 a page,
 * least recently confirmed first; units with stale records (not confirmed for a year), each with a one-tap
 * reminder; and, for a unit admin, how many changes of unit or post wait for review (信息变更审核).
 */
import type { StaleUnitView, YouthRecordView } from '../../../core/contracts/registry';
import { pagedList, PAGE_SIZE } from '../../../behaviors/paged-list';
import { textSize } from '../../../behaviors/text-size';
import { call } from '../../../services/cloud';
import { loadAdminScope } from '../../../services/session';
import { chinaDateText } from '../../../lib/format';
import { go, toast } from '../../../lib/ui';

type Status = 'active' | 'alumni';

const list = pagedList({
  fetch: (data: { status: Status }, page: number) =>
    call('registry', 'youths', { status: data.status, page, pageSize: PAGE_SIZE }),
  row: (y: YouthRecordView) => ({
    id: y.id,
    title: `${y.name} · ${y.unitName}`,
    line: `${y.statusText} · ${y.age}岁 · ${y.post || '岗位未填'} · ${y.phoneMasked}`,
    confirmed: `上次确认 ${chinaDateText(y.lastConfirmedAt)}${y.stale ? '（已超一年）' : ''}`,
    selected: y.selected.join('、'),
  }),
});

Component({
  behaviors: [textSize, list],
  data: {
    status: 'active' as Status,
    unitId: '',
    stale: [] as StaleUnitView[],
    /** Changes of unit or post waiting for this unit (reviewed on 信息变更审核). */
    changes: 0,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    // Back from 信息变更审核: the count may have changed.
    show() {
      if (this.data.unitId) void this.loadSide();
    },
  },
  methods: {
    async init() {
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      this.setData({ unitId: who.scope.role === 'unitAdmin' ? who.scope.orgId : '' });
      await Promise.all([this.loadFirst(), this.loadSide()]);
    },
    async loadSide() {
      const stale = await call('registry', 'stale', {});
      if (stale.ok) this.setData({ stale: stale.data.items });
      if (!this.data.unitId) return;
      const changes = await call('registry', 'changes', { unitId: this.data.unitId, page: 1, pageSize: 1 });
      if (changes.ok) this.setData({ changes: changes.data.total });
    },
    onStatus(e: WechatMiniprogram.CustomEvent) {
      const { status } = e.currentTarget.dataset as { status: Status };
      if (status === this.data.status) return;
      this.setData({ status });
      void this.loadFirst();
    },
    async onRemind(e: WechatMiniprogram.CustomEvent) {
      const { unit } = e.currentTarget.dataset as { unit: string };
      const res = await call('registry', 'remindStale', { unitId: unit });
      if (!res.ok) return toast(this, res.message);
      const { reminded, withoutAccount } = res.data;
      toast(this, `已提醒 ${reminded} 人${withoutAccount ? `，${withoutAccount} 人未注册需线下联系` : ''}`, 'success');
    },
    onChanges() {
      go('/package-admin/pages/admin/changes/index');
    },
  },
});
