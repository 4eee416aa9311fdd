/**
 * 工作看板 (R1.1, R3.3, R3.4, R4.3) for a district or the city: approved
 * against the target, the 31 July countdowns in China time, the must-cover
 * units still uncovered, 两新 youths per district, and filing progress. A city
 * admin switches district with the chips.
 */
import type { DashboardView } from '../../../../core/contracts/admin';
import { CATEGORY_LABELS } from '../../../../core/org';
import { call } from '../../../../services/cloud';
import { chinaDateTime } from '../../../../lib/format';
import { isCurrent, nextGeneration } from '../../../../lib/async';
import { go } from '../../../../lib/ui';
import { districtChoices, type Choice } from '../../../lib/choices';
import { textSize } from '../../../../behaviors/text-size';

type CoverCategory = keyof DashboardView['uncoveredByCategory'];
const COVER_CATEGORIES: CoverCategory[] = ['party_gov', 'soe', 'central_soe'];
/** A long list stays folded on a phone until asked for. */
const FOLDED = 10;

const DEADLINE_LABELS: Record<DashboardView['deadlines'][number]['key'], string> = {
  nomination: '选树及集中展示截止',
  filing: '汇总表备案截止',
};

interface UncoveredGroup {
  category: CoverCategory;
  label: string;
  count: number;
  units: Array<{ unitId: string; name: string; districtName: string }>;
  more: number;
}

interface BoardView {
  title: string;
  approved: number;
  target: number;
  percent: number;
  deadlines: Array<{ key: string; label: string; date: string; left: string; passed: boolean; urgent: boolean }>;
  uncoveredTotal: number;
  exemptTotal: number;
  groups: UncoveredGroup[];
  twoNew: Array<{ districtId: string; name: string; count: number }>;
  /** The same figures drawn as bars (the rows below stay the tap targets). */
  twoNewChart: { categories: string[]; series: Array<{ name: string; data: number[] }> };
  filed: number;
  filingTotal: number;
  filingPercent: number;
}

function leftText(d: { days: number; hours: number; passed: boolean }): string {
  if (d.passed) return '已截止';
  return d.days > 0 ? `还剩 ${d.days} 天 ${d.hours} 小时` : `还剩 ${d.hours} 小时`;
}

function groupsOf(d: DashboardView, unfolded: readonly string[]): UncoveredGroup[] {
  return COVER_CATEGORIES.map((category) => {
    const all = d.uncovered.filter((u) => u.category === category);
    const shown = unfolded.includes(category) ? all : all.slice(0, FOLDED);
    return {
      category,
      label: CATEGORY_LABELS[category],
      count: d.uncoveredByCategory[category],
      units: shown.map(({ unitId, name, districtName }) => ({ unitId, name, districtName })),
      more: all.length - shown.length,
    };
  });
}

function boardView(d: DashboardView, unfolded: readonly string[]): BoardView {
  return {
    title: d.scope.name,
    approved: d.approved,
    target: d.target,
    percent: d.progressPercent,
    deadlines: d.deadlines.map((x) => ({
      key: x.key,
      label: DEADLINE_LABELS[x.key],
      date: chinaDateTime(x.at),
      left: leftText(x),
      passed: x.passed,
      urgent: !x.passed && x.days < 7,
    })),
    uncoveredTotal: d.uncovered.length,
    exemptTotal: d.exempt.length,
    groups: groupsOf(d, unfolded),
    twoNew: d.twoNewByDistrict,
    twoNewChart: {
      categories: d.twoNewByDistrict.map((x) => x.name),
      series: [{ name: '两新组织好青年', data: d.twoNewByDistrict.map((x) => x.count) }],
    },
    filed: d.filing.filed,
    filingTotal: d.filing.total,
    filingPercent: d.filing.total > 0 ? Math.floor((d.filing.filed * 100) / d.filing.total) : 0,
  };
}

/** The last answer, kept out of `data`: unfolding a group re-derives the view from it. */
const answers = new WeakMap<object, DashboardView>();

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    isCity: false,
    districts: [] as Choice[],
    districtId: '',
    unfolded: [] as string[],
    view: null as BoardView | null,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      const generation = nextGeneration(this);
      this.setData({ loading: true, error: '' });
      const districtId = this.data.districtId;
      const res = await call('admin', 'dashboard', districtId ? { districtId } : {});
      if (!isCurrent(this, generation)) return; // another district was chosen meanwhile
      if (!res.ok) {
        this.setData({ loading: false, error: res.message, view: null });
        return;
      }
      answers.set(this, res.data);
      this.setData({ loading: false, view: boardView(res.data, this.data.unfolded) });
      if (res.data.scope.level === 'city' && this.data.districts.length === 0)
        await this.loadDistricts(res.data.scope.orgId);
    },

    async loadDistricts(cityOrgId: string) {
      const districts = await districtChoices(cityOrgId);
      this.setData({ isCity: districts.length > 0, districts });
    },

    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ districtId: e.detail.value, unfolded: [] });
      void this.load();
    },

    onUnfold(e: WechatMiniprogram.CustomEvent) {
      const { category } = e.currentTarget.dataset as { category?: string };
      const answer = answers.get(this);
      if (!category || !answer) return;
      const unfolded = [...this.data.unfolded, category];
      const index = COVER_CATEGORIES.indexOf(category as CoverCategory);
      this.setData({ unfolded, [`view.groups[${index}]`]: groupsOf(answer, unfolded)[index] });
    },

    /** A figure opens the units behind it (`data-show`, and `data-district` for a district's row). */
    onDrill(e: WechatMiniprogram.CustomEvent) {
      const { show, district } = e.currentTarget.dataset as { show?: string; district?: string };
      const districtId = district ?? this.data.districtId;
      if (show)
        go(`/package-admin/pages/admin/units/index?show=${show}${districtId ? `&districtId=${districtId}` : ''}`);
    },

    onRetry() {
      void this.load();
    },
  },
});
