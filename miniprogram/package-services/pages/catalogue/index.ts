/**
 * 服务目录 (issue 12): the catalogue the city maintains — each type with who owns it, its time limit in working
 * days, whether it is sensitive, and its handlers. The city adds and edits types; a district assigns its own
 * handlers.
 */
import type { CatalogueEntryView } from '../../../core/contracts/services';
import { go } from '../../../lib/ui';
import { call } from '../../../services/cloud';
import { loadAdminScope } from '../../../services/session';
import { catalogueRow, type CatalogueRow } from '../../lib/catalogue';
import { SERVICES_ROOT } from '../../lib/request';
import { textSize } from '../../../behaviors/text-size';

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    isCity: false,
    items: [] as CatalogueRow[],
    count: 0,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from an edit or the handlers page.
      if (!this.data.loading && !this.data.error) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: this.data.items.length === 0, error: '' });
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      const res = await call('services', 'types', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const isCity = who.scope.level === 'city';
      const rows = res.data.map((t: CatalogueEntryView) => catalogueRow(t, isCity ? null : who.scope.orgId));
      this.setData({ loading: false, isCity, items: rows, count: res.data.length });
    },
    onRetry() {
      void this.load();
    },
    onAdd() {
      go(`${SERVICES_ROOT}/type/index?order=${this.data.count + 1}`);
    },
    onEdit(e: WechatMiniprogram.CustomEvent) {
      go(`${SERVICES_ROOT}/type/index?id=${(e.currentTarget.dataset as { id: string }).id}`);
    },
    onHandlers(e: WechatMiniprogram.CustomEvent) {
      go(`${SERVICES_ROOT}/handlers/index?id=${(e.currentTarget.dataset as { id: string }).id}`);
    },
  },
});
