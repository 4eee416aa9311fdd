/**
 * 保险与守信激励 (R7.3): a district or city cadre records, for each selected youth in scope, the accident
 * insurance they are enrolled in and the joint credit incentive they receive (a tap, the date, a confirmation),
 * and sees the coverage per unit (a district) or per district (the city) above the list.
 */
import type { CoverageRow, SelectedYouthView } from '../../../core/contracts/services';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { confirmModal, toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import { COVERAGE_KINDS, selectedRow, todayInChina, type SelectedRow } from '../../lib/coverage';
import { textSize } from '../../../behaviors/text-size';

type Kind = keyof typeof COVERAGE_KINDS;

const list = pagedList<SelectedYouthView, SelectedRow, Record<string, never>>({
  fetch: (_data, page) => call('services', 'selectedYouths', { page, pageSize: PAGE_SIZE }),
  row: selectedRow,
});

Component({
  behaviors: [textSize, list],
  data: {
    today: '',
    on: '',
    insuranceName: COVERAGE_KINDS.insurance.defaultName as string,
    creditName: COVERAGE_KINDS.credit.defaultName as string,
    coverage: [] as CoverageRow[],
    scopeName: '',
    saving: '',
    requestId: '',
  },
  lifetimes: {
    attached() {
      const today = todayInChina();
      this.setData({ today, on: today, requestId: newRequestId() });
      void this.loadAll();
    },
  },
  methods: {
    async loadAll() {
      await Promise.all([this.loadCoverage(), this.loadFirst()]);
    },
    async loadCoverage() {
      const res = await call('services', 'coverage', {});
      if (res.ok) this.setData({ coverage: res.data.rows, scopeName: res.data.scopeName });
    },
    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: 'insuranceName' | 'creditName' };
      this.setData({ [field]: e.detail.value });
    },
    onDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ on: e.detail.value });
    },
    async onRecord(e: WechatMiniprogram.CustomEvent) {
      const { id, kind } = e.currentTarget.dataset as { id: string; kind: Kind };
      const index = this.data.items.findIndex((r) => r.id === id);
      const row = this.data.items[index];
      if (!row || this.data.saving) return;
      const name = (kind === 'insurance' ? this.data.insuranceName : this.data.creditName).trim();
      if (name.length < 2 || name.length > 30)
        return toast(this, `请填写${COVERAGE_KINDS[kind].label}的名称（2–30 字）`);
      const content = `登记${row.name}自 ${this.data.on} 起${COVERAGE_KINDS[kind].verb}“${name}”？登记后计入覆盖统计，不能撤销。`;
      if (!(await confirmModal(`登记${COVERAGE_KINDS[kind].label}`, content, '登记'))) return;
      this.setData({ saving: `${id}:${kind}` });
      const input = { nominationId: id, kind, name, on: this.data.on };
      const res = await call('services', 'recordCoverage', input, this.data.requestId);
      this.setData({ saving: '' });
      if (!res.ok) return toast(this, res.message);
      this.setData({
        [`items[${index}].${kind}`]: `${name} · ${res.data.on ?? this.data.on} 起`,
        requestId: newRequestId(),
      });
      toast(this, '已登记', 'success');
      await this.loadCoverage();
    },
  },
});
