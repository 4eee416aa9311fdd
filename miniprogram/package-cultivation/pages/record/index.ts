/**
 * 培养记录表单 (issue 13): a cadre records a measure for a youth (`?id=`, confirmed at once); a youth adds their
 * own (a training certificate), which waits for the unit. The kind decides what else is asked: a training its
 * organiser and hours, a talk whom with and what about. Checked with the contract's own schema before sending.
 */
import {
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  MeasureFields,
  measureGaps,
  TALK_WITH,
  TALK_WITH_LABELS,
} from '../../../core/contracts/cultivation-forms';
import { call } from '../../../services/cloud';
import { formErrors } from '../../../services/form-errors';
import { toast } from '../../../lib/ui';
import { textSize } from '../../../behaviors/text-size';
import { todayInChina } from '../../lib/rows';

const LABELS: Record<string, string> = {
  kind: '培养类型',
  title: '名称',
  startDate: '开始日期',
  endDate: '结束日期',
  organiser: '主办单位',
  hours: '学时',
  talkWith: '谈话人身份',
  talkWithName: '谈话人姓名',
  summary: '主要内容',
  evidence: '证明材料',
};

type Kind = (typeof MEASURE_KINDS)[number];

const blankToUndefined = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

Component({
  behaviors: [textSize],
  data: {
    id: '',
    kinds: MEASURE_KINDS.map((k) => ({ id: k, label: MEASURE_KIND_LABELS[k] })),
    talkWiths: TALK_WITH.map((k) => ({ id: k, label: TALK_WITH_LABELS[k] })),
    kind: '' as Kind | '',
    title: '',
    startDate: '',
    endDate: '',
    organiser: '',
    hours: '',
    talkWith: '',
    talkWithName: '',
    summary: '',
    evidence: '',
    today: '',
    errors: {} as Record<string, string>,
    saving: false,
  },
  methods: {
    onLoad(query: { id?: string }) {
      const today = todayInChina();
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '', today, startDate: today });
    },
    onKind(e: WechatMiniprogram.CustomEvent) {
      const { value } = e.currentTarget.dataset as { value: Kind };
      this.setData({ kind: value, errors: {} });
    },
    onTalkWith(e: WechatMiniprogram.CustomEvent) {
      const { value } = e.currentTarget.dataset as { value: string };
      this.setData({ talkWith: value, errors: {} });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: string };
      this.setData({ [field]: e.detail.value, errors: {} });
    },
    value() {
      const d = this.data;
      const hours = d.hours.trim() === '' ? undefined : Number(d.hours);
      return {
        kind: d.kind,
        title: d.title.trim(),
        startDate: d.startDate,
        endDate: blankToUndefined(d.endDate),
        organiser: blankToUndefined(d.organiser),
        hours: Number.isInteger(hours) ? hours : hours === undefined ? undefined : -1,
        talkWith: blankToUndefined(d.talkWith),
        talkWithName: blankToUndefined(d.talkWithName),
        summary: blankToUndefined(d.summary),
        evidence: blankToUndefined(d.evidence),
      };
    },
    async onSave() {
      const value = this.value();
      const errors = formErrors(MeasureFields, value, LABELS);
      if (value.kind !== '')
        for (const gap of measureGaps({ ...value, kind: value.kind }))
          errors[gap] = gap === 'endDate' ? '结束日期不能早于开始日期' : `请填写${LABELS[gap]}`;
      if (Object.keys(errors).length > 0) return this.setData({ errors });
      const measure = MeasureFields.parse(value);
      this.setData({ saving: true });
      const res = this.data.id
        ? await call('cultivation', 'recordMeasure', { nominationId: this.data.id, measure })
        : await call('cultivation', 'addMeasure', measure);
      this.setData({ saving: false });
      if (!res.ok) return toast(this, res.message);
      toast(this, this.data.id ? '已登记' : '已提交，等待单位确认', 'success');
      setTimeout(() => wx.navigateBack({ fail: () => undefined }), 600);
    },
  },
});
