/**
 * 政策找人 (issue 12): a cadre publishes an offer — who it is for (education, districts, selected this period, a
 * title keyword), the service it opens and its closing date — and sees, for each offer, how many youths it reached
 * and how many applied; never who.
 */
import type { OfferView } from '../../../core/contracts/services';
import { EDUCATION_LABELS } from '../../../core/profile';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { chinaDateText } from '../../../lib/format';
import { confirmModal, toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import { textSize } from '../../../behaviors/text-size';

interface Chip {
  id: string;
  label: string;
  on: boolean;
}
const chipsOf = (entries: Array<[string, string]>): Chip[] => entries.map(([id, label]) => ({ id, label, on: false }));
const picked = (chips: Chip[]) => chips.filter((c) => c.on).map((c) => c.id);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const offerRow = (o: OfferView) => ({
  id: o.id,
  title: o.title,
  type: o.typeName,
  closes: `${chinaDateText(`${o.closesOn}T00:00:00+08:00`)}截止${o.open ? '' : '（已截止）'}`,
  figures: `触达 ${o.reached} 人 · 申请 ${o.applied} 人`,
});

const list = pagedList<OfferView, ReturnType<typeof offerRow>, object>({
  fetch: (_data, page) => call('services', 'offers', { page, pageSize: PAGE_SIZE }),
  row: offerRow,
});

Component({
  behaviors: [textSize, list],
  data: {
    composing: false,
    types: [] as Chip[],
    education: chipsOf(Object.entries(EDUCATION_LABELS)),
    districts: [] as Chip[],
    selectedOnly: false,
    title: '',
    description: '',
    keyword: '',
    closesOn: '',
    formError: '',
    sending: false,
    requestId: '',
    periodId: '',
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      const [types, me] = await Promise.all([call('services', 'types', {}), call('account', 'currentPeriod', {})]);
      if (types.ok)
        this.setData({
          types: types.data.filter((t) => t.active).map((t) => ({ id: t.id, label: t.name, on: false })),
        });
      if (me.ok) this.setData({ periodId: me.data._id });
      await this.loadFirst();
    },
    onCompose() {
      this.setData({ composing: !this.data.composing, formError: '', requestId: newRequestId() });
    },
    onChip(e: WechatMiniprogram.CustomEvent) {
      const { group, index } = e.currentTarget.dataset as { group: 'types' | 'education'; index: number };
      const chips = this.data[group];
      const single = group === 'types';
      this.setData({ [group]: chips.map((c, i) => ({ ...c, on: i === index ? !c.on : single ? false : c.on })) });
    },
    onSelectedOnly() {
      this.setData({ selectedOnly: !this.data.selectedOnly });
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: 'title' | 'description' | 'keyword' | 'closesOn' };
      this.setData({ [field]: e.detail.value, formError: '' });
    },
    problem(): string {
      const { title, description, closesOn } = this.data;
      if (title.trim().length < 4) return '请填写政策名称（至少4个字）';
      if (description.trim().length < 4) return '请填写政策说明';
      if (picked(this.data.types).length !== 1) return '请选择申请后对应的服务类型';
      return DATE.test(closesOn.trim()) ? '' : '请按 2026-12-31 的格式填写截止日期';
    },
    async onPublish() {
      const problem = this.problem();
      if (problem) return this.setData({ formError: problem });
      if (!(await confirmModal('发布政策', '发布后，符合条件的青年将收到通知，可一键申请。', '发布'))) return;
      this.setData({ sending: true });
      const keyword = this.data.keyword.trim();
      const res = await call(
        'services',
        'publishOffer',
        {
          title: this.data.title.trim(),
          description: this.data.description.trim(),
          typeId: picked(this.data.types)[0],
          closesOn: this.data.closesOn.trim(),
          criteria: {
            education: picked(this.data.education),
            titles: keyword ? [keyword] : [],
            districtIds: [],
            unitCategories: [],
            politicalStatus: [],
            selectedIn: this.data.selectedOnly && this.data.periodId ? this.data.periodId : null,
          },
        },
        this.data.requestId,
      );
      this.setData({ sending: false });
      if (!res.ok) return this.setData({ formError: res.message });
      this.setData({ composing: false, title: '', description: '', keyword: '', closesOn: '' });
      toast(this, `已发布，触达 ${res.data.reached} 人`, 'success');
      await this.loadFirst();
    },
  },
});
