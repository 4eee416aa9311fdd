/**
 * 从青年名册推荐 (issue 14): the unit's imported youth list as candidates for 组织推荐. Each youth shows masked
 * data and whether a nomination of this period already runs; 组织推荐 opens the form filled from the record.
 */
import type { CandidateView } from '../../../../core/contracts/registry';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { go } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

const rowOf = (c: CandidateView) => ({
  id: c.id,
  name: c.name,
  line: `${c.age}岁 · ${c.post || '岗位未填'} · ${c.phoneMasked}`,
  nomination: c.nomination ? `本期已推荐（${c.nomination}）` : '',
});

const list = pagedList({
  fetch: (data: { unitId: string }, page: number) =>
    call('registry', 'candidates', { unitId: data.unitId, page, pageSize: PAGE_SIZE }),
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
  pageLifetimes: {
    // Back from the form: a youth just nominated shows as such.
    show() {
      if (this.data.unitId && !this.data.loading) void this.loadFirst();
    },
  },
  methods: {
    async init() {
      this.setData({ loading: true, error: '' });
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      if (who.scope.level !== 'unit') return this.setData({ loading: false, error: '组织推荐仅限单位管理员使用' });
      this.setData({ unitId: who.scope.orgId, unitName: who.scope.orgName });
      await this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    onNominate(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      if (id) go(`/package-admin/pages/review/unit-nominate/index?youthId=${id}`);
    },
  },
});
