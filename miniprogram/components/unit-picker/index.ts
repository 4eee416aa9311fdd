/**
 * Pick a unit: first its district/county (or 市级单位), then the unit from a
 * searchable list paged 20 at a time. Emits `change` with `{ unit }` (null
 * when the choice is cleared). With `district-id` set, the district is fixed.
 */
import { CATEGORY_LABELS } from '../../core/org';
import { call } from '../../services/cloud';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

interface Choice {
  id: string;
  name: string;
}

interface UnitItem extends Choice {
  category: string;
}

// Per-instance debounce timers, kept out of `data` (never rendered).
const timers = new WeakMap<object, number>();

function cancelSearch(owner: object): void {
  const timer = timers.get(owner);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(owner);
}

Component({
  properties: {
    districtId: { type: String, value: '' },
  },
  data: {
    districts: [] as Choice[],
    districtsLoading: true,
    districtsError: '',
    fixed: false,
    district: null as Choice | null,
    keyword: '',
    units: [] as UnitItem[],
    page: 0,
    total: 0,
    hasMore: false,
    unitsLoading: false,
    unitsError: '',
    selected: null as Choice | null,
  },
  lifetimes: {
    attached() {
      void this.loadDistricts();
    },
    detached() {
      cancelSearch(this);
    },
  },
  methods: {
    async loadDistricts() {
      this.setData({ districtsLoading: true, districtsError: '' });
      const res = await call('account', 'listDistricts', {});
      if (!res.ok) {
        this.setData({ districtsLoading: false, districtsError: res.message });
        return;
      }
      const districts = res.data.map((d) => ({ id: d._id, name: d.name }));
      this.setData({ districtsLoading: false, districts });
      const fixed = districts.find((d) => d.id === this.properties.districtId);
      if (fixed) {
        this.setData({ fixed: true });
        this.pickDistrict(fixed);
      }
    },

    pickDistrict(district: Choice) {
      this.setData({ district, keyword: '', units: [], page: 0, total: 0, hasMore: false, selected: null });
      this.triggerEvent('change', { unit: null });
      void this.loadUnits(1);
    },

    async loadUnits(page: number) {
      const district = this.data.district;
      if (!district) return;
      const keyword = this.data.keyword.trim();
      this.setData({ unitsLoading: true, unitsError: '' });
      const res = await call('account', 'listUnits', {
        districtId: district.id,
        ...(keyword ? { keyword } : {}),
        page,
        pageSize: PAGE_SIZE,
      });
      // A newer search or another district made this answer stale.
      if (this.data.district?.id !== district.id || this.data.keyword.trim() !== keyword) return;
      if (!res.ok) {
        this.setData({ unitsLoading: false, unitsError: res.message });
        return;
      }
      const items = res.data.items.map((u) => ({ id: u.id, name: u.name, category: CATEGORY_LABELS[u.category] }));
      this.setData({
        unitsLoading: false,
        units: page === 1 ? items : [...this.data.units, ...items],
        page: res.data.page,
        total: res.data.total,
        hasMore: res.data.hasMore,
      });
    },

    onDistrictTap(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const district = this.data.districts.find((d) => d.id === id);
      if (district) this.pickDistrict(district);
    },

    onChangeDistrict() {
      if (this.data.fixed) return;
      cancelSearch(this);
      this.setData({ district: null, units: [], selected: null, keyword: '' });
      this.triggerEvent('change', { unit: null });
    },

    onKeywordChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ keyword: e.detail.value });
      cancelSearch(this);
      timers.set(
        this,
        setTimeout(() => void this.loadUnits(1), SEARCH_DELAY_MS),
      );
    },

    onKeywordSubmit() {
      cancelSearch(this);
      void this.loadUnits(1);
    },

    onLoadMore() {
      if (this.data.hasMore && !this.data.unitsLoading) void this.loadUnits(this.data.page + 1);
    },

    onUnitTap(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const unit = this.data.units.find((u) => u.id === id);
      if (!unit) return;
      const selected = { id: unit.id, name: unit.name };
      this.setData({ selected });
      this.triggerEvent('change', { unit: selected });
    },

    onChangeUnit() {
      this.setData({ selected: null });
      this.triggerEvent('change', { unit: null });
    },

    onRetryUnits() {
      void this.loadUnits(1);
    },
  },
});
