/**
 * 花名册: the youths nominated in the caller's scope, masked (R9.1), searched
 * by name and filtered by category, status, political status, education and
 * (for districts and the city) unit; 20 a page with infinite scroll. A row
 * opens the nomination's detail.
 */
import type { RosterItem, RosterQuery } from '../../../../core/contracts/admin';
import { STATUS_LABELS } from '../../../../core/nomination';
import { CATEGORY_LABELS, UNIT_CATEGORIES } from '../../../../core/org';
import { EDUCATION_LABELS, EDUCATIONS, POLITICAL_STATUS_LABELS, POLITICAL_STATUSES } from '../../../../core/profile';
import { call } from '../../../../services/cloud';
import { loadFirstPage, loadNextPage, PAGE_SIZE, searchMethods } from '../../../../components/paged-list';
import { SEX_LABELS } from '../../../../lib/format';
import { cancelDebounce, choices, loadAdminScope } from '../../../../components/admin-scope';
import { go } from '../../../../lib/ui';

const LISTED_STATUSES = ['submitted', 'approved', 'rejected', 'returned'] as const;

type FilterKey = 'category' | 'status' | 'politicalStatus' | 'education';
type Filters = Record<FilterKey, string>;

const NO_FILTERS: Filters = { category: '', status: '', politicalStatus: '', education: '' };

const FILTER_GROUPS = [
  { key: 'category', label: '单位类别', options: choices(CATEGORY_LABELS, UNIT_CATEGORIES) },
  { key: 'status', label: '状态', options: choices(STATUS_LABELS, LISTED_STATUSES) },
  { key: 'politicalStatus', label: '政治面貌', options: choices(POLITICAL_STATUS_LABELS, POLITICAL_STATUSES) },
  { key: 'education', label: '学历', options: choices(EDUCATION_LABELS, EDUCATIONS) },
];

interface RosterRow {
  id: string;
  name: string;
  sex: string;
  status: string;
  idNumberMasked: string;
  phoneMasked: string;
  unit: string;
  profile: string;
  post: string;
}

function rowOf(r: RosterItem): RosterRow {
  return {
    id: r.id,
    name: r.name,
    sex: SEX_LABELS[r.sex],
    status: r.status,
    idNumberMasked: r.idNumberMasked,
    phoneMasked: r.phoneMasked,
    unit: `${r.districtName} · ${r.unitName}`,
    profile: `${POLITICAL_STATUS_LABELS[r.politicalStatus]} · ${EDUCATION_LABELS[r.education]} · ${CATEGORY_LABELS[r.category]}`,
    post: r.post,
  };
}

function activeCount(filters: Filters, unitId: string): number {
  return Object.values(filters).filter(Boolean).length + (unitId ? 1 : 0);
}

Component({
  data: {
    ready: false,
    loading: true,
    error: '',
    canPickUnit: false,
    /** A district admin's unit picker stays within their district. */
    pickerDistrictId: '',
    keyword: '',
    filters: NO_FILTERS,
    unit: null as { id: string; name: string } | null,
    groups: FILTER_GROUPS,
    filtersOpen: false,
    pickingUnit: false,
    activeFilters: 0,
    items: [] as RosterRow[],
    page: 0,
    total: 0,
    hasMore: false,
    loadingMore: false,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
    detached() {
      cancelDebounce(this);
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
      const { level, districtId } = who.scope;
      this.setData({ ready: true, canPickUnit: level !== 'unit', pickerDistrictId: districtId });
      await this.loadFirst();
    },

    query(page: number): RosterQuery {
      const { keyword, filters, unit } = this.data;
      const q: RosterQuery = { page, pageSize: PAGE_SIZE };
      if (keyword.trim()) q.keyword = keyword.trim();
      if (unit) q.unitId = unit.id;
      if (filters.category) q.category = filters.category as RosterQuery['category'];
      if (filters.status) q.status = filters.status as RosterQuery['status'];
      if (filters.politicalStatus) q.politicalStatus = filters.politicalStatus as RosterQuery['politicalStatus'];
      if (filters.education) q.education = filters.education as RosterQuery['education'];
      return q;
    },

    loadFirst() {
      return loadFirstPage(this, (page) => call('admin', 'roster', this.query(page)), rowOf);
    },

    loadMore() {
      return loadNextPage(this, (page) => call('admin', 'roster', this.query(page)), rowOf);
    },

    ...searchMethods,

    onToggleFilters() {
      this.setData({ filtersOpen: !this.data.filtersOpen });
    },

    onFilter(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { key } = e.currentTarget.dataset as { key?: FilterKey };
      if (!key) return;
      const filters = { ...this.data.filters, [key]: e.detail.value };
      this.setData({ filters, activeFilters: activeCount(filters, this.data.unit?.id ?? '') });
      void this.loadFirst();
    },

    onPickUnit() {
      this.setData({ pickingUnit: !this.data.pickingUnit });
    },

    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      const unit = e.detail.unit;
      // The picker clears its choice while browsing: only a chosen unit filters.
      if (!unit) return;
      this.setData({ unit, pickingUnit: false, activeFilters: activeCount(this.data.filters, unit.id) });
      void this.loadFirst();
    },

    onClearUnit() {
      this.setData({ unit: null, activeFilters: activeCount(this.data.filters, '') });
      void this.loadFirst();
    },

    onClearFilters() {
      this.setData({ filters: NO_FILTERS, unit: null, activeFilters: 0 });
      void this.loadFirst();
    },

    onOpen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      if (id) go(`/package-admin/pages/review/detail/index?id=${encodeURIComponent(id)}`);
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
  },
});
