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
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { SEX_LABELS } from '../../../../lib/format';
import { go } from '../../../../lib/ui';
import { choices } from '../../../lib/choices';
import { textSize } from '../../../../behaviors/text-size';

const LISTED_STATUSES = ['submitted', 'approved', 'rejected', 'returned'] as const;

type FilterKey = 'category' | 'status' | 'politicalStatus' | 'education';
/** The chosen value per filter; '' = all. */
type Filters = Record<FilterKey, string>;
const NO_FILTERS: Filters = { category: '', status: '', politicalStatus: '', education: '' };
type Unit = { id: string; name: string };

const FILTER_GROUPS = [
  { key: 'category', label: '单位类别', options: choices(CATEGORY_LABELS, UNIT_CATEGORIES) },
  { key: 'status', label: '状态', options: choices(STATUS_LABELS, LISTED_STATUSES) },
  { key: 'politicalStatus', label: '政治面貌', options: choices(POLITICAL_STATUS_LABELS, POLITICAL_STATUSES) },
  { key: 'education', label: '学历', options: choices(EDUCATION_LABELS, EDUCATIONS) },
];

function rowOf(r: RosterItem) {
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

/** The query the filters, the unit and the search make ('' = no filter). */
function queryOf(d: { keyword: string; filters: Filters; unit: Unit | null }, page: number): RosterQuery {
  const chosen = Object.entries(d.filters).filter(([, v]) => v);
  const q: RosterQuery = { ...Object.fromEntries(chosen), page, pageSize: PAGE_SIZE };
  if (d.keyword.trim()) q.keyword = d.keyword.trim();
  if (d.unit) q.unitId = d.unit.id;
  return q;
}

/** The filters as chosen, with the count the toolbar shows (derived, never kept by hand). */
const filtered = (filters: Filters, unit: Unit | null) => ({
  filters,
  unit,
  activeFilters: Object.values(filters).filter(Boolean).length + (unit ? 1 : 0),
});

const list = pagedList({
  fetch: (data: Parameters<typeof queryOf>[0], page: number) => call('admin', 'roster', queryOf(data, page)),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: {
    canPickUnit: false,
    /** A district admin's unit picker stays within their district. */
    pickerDistrictId: '',
    ...filtered(NO_FILTERS, null),
    groups: FILTER_GROUPS,
    filtersOpen: false,
    pickingUnit: false,
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
      const { level, districtId } = who.scope;
      this.setData({ canPickUnit: level !== 'unit', pickerDistrictId: districtId });
      await this.loadFirst();
    },

    /** New filters or unit: the list starts again from page 1. */
    refilter(filters: Filters, unit: Unit | null) {
      this.setData(filtered(filters, unit));
      void this.loadFirst();
    },

    onToggleFilters() {
      this.setData({ filtersOpen: !this.data.filtersOpen });
    },
    onFilter(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { key } = e.currentTarget.dataset as { key?: FilterKey };
      if (key) this.refilter({ ...this.data.filters, [key]: e.detail.value }, this.data.unit);
    },
    onPickUnit() {
      this.setData({ pickingUnit: !this.data.pickingUnit });
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: Unit | null }>) {
      // The picker clears its choice while browsing: only a chosen unit filters.
      if (!e.detail.unit) return;
      this.setData({ pickingUnit: false });
      this.refilter(this.data.filters, e.detail.unit);
    },
    onClearUnit() {
      this.refilter(this.data.filters, null);
    },
    onClearFilters() {
      this.refilter(NO_FILTERS, null);
    },

    onOpen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      if (id) go(`/package-admin/pages/review/detail/index?id=${encodeURIComponent(id)}`);
    },
    onRetry() {
      void this.init();
    },
  },
});
