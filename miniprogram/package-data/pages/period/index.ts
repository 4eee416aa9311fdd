/**
 * 开启新一期 (issue 14, R1.1): the city opens the next three-year period with its own rules. The form starts
 * from the last period three years on, shows what changes from it, and opens the period behind a confirmation
 * with a reason; the last period's selected youths become alumni (校友).
 */
import type { OpenPeriodView, PeriodsView } from '../../../core/contracts/registry';
import type { PeriodChange, PeriodForm } from '../../../core/registry';
import { chinaDate, chinaEndOfDay, chinaStartOfDay } from '../../../core/china-time';
import { textSize } from '../../../behaviors/text-size';
import { call } from '../../../services/cloud';
import { confirmModal, toast } from '../../../lib/ui';

type Draft = Record<keyof PeriodForm, string>;
const NUMBERS = ['quotaRatio', 'partyAgeLimit', 'target', 'retentionDays'] as const;
const INSTANTS = ['nominationOpensAt', 'nominationDeadline', 'filingDeadline'] as const;
const FIELDS: Array<{ key: keyof PeriodForm; label: string }> = [
  { key: 'name', label: '期次名称' },
  { key: 'referenceDate', label: '年龄计算基准日' },
  { key: 'cutoffBirthDate', label: '出生日期下限（含）' },
  { key: 'nominationOpensAt', label: '推荐开始日期' },
  { key: 'nominationDeadline', label: '推荐截止日期' },
  { key: 'filingDeadline', label: '备案截止日期' },
  { key: 'quotaRatio', label: '名额比例（每N名青年1名）' },
  { key: 'partyAgeLimit', label: '推优入党年龄上限' },
  { key: 'target', label: '全市选培目标人数' },
  { key: 'retentionDays', label: '撤回记录保留天数' },
];

/** The form's text values: instants as their China date. */
function draftOf(form: PeriodForm): Draft {
  const out = {} as Draft;
  for (const { key } of FIELDS) out[key] = String(form[key]);
  for (const key of INSTANTS) out[key] = chinaDate(new Date(form[key]));
  return out;
}

/** The rules the server takes: numbers as numbers, the opening at the start of its day, deadlines at the end. */
function rulesOf(d: Draft): PeriodForm | null {
  const valid = /^\d{4}-\d{2}-\d{2}$/;
  if (!INSTANTS.every((k) => valid.test(d[k]))) return null;
  const rules = { ...d } as unknown as PeriodForm;
  for (const key of NUMBERS) rules[key] = Number(d[key]);
  rules.nominationOpensAt = chinaStartOfDay(d.nominationOpensAt).toISOString();
  rules.nominationDeadline = chinaEndOfDay(d.nominationDeadline).toISOString();
  rules.filingDeadline = chinaEndOfDay(d.filingDeadline).toISOString();
  return rules;
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    current: null as PeriodsView['current'],
    fields: FIELDS,
    draft: {} as Draft,
    changes: null as PeriodChange[] | null,
    reason: '',
    reasonError: '',
    busy: false,
    opened: null as OpenPeriodView | null,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('registry', 'periods', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const { current, draft } = res.data;
      this.setData({ loading: false, current, draft: draft ? draftOf(draft) : ({} as Draft), changes: null });
    },
    onRetry() {
      void this.load();
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { key } = e.currentTarget.dataset as { key: keyof PeriodForm };
      this.setData({ [`draft.${key}`]: e.detail.value, changes: null });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, reasonError: '' });
    },
    async onPreview() {
      const rules = rulesOf(this.data.draft);
      if (!rules) return toast(this, '日期请按 2030-06-01 的格式填写');
      const res = await call('registry', 'previewPeriod', { rules });
      if (!res.ok) return toast(this, res.message);
      this.setData({ changes: res.data });
    },
    async onOpen() {
      const rules = rulesOf(this.data.draft);
      if (!rules || !this.data.changes) return;
      const reason = this.data.reason.trim();
      if (reason.length < 4) return this.setData({ reasonError: '请填写开启原因（至少4个字）' });
      const ok = await confirmModal('开启新一期', '开启后上一期入选青年将转为校友，本操作不可撤销。', '开启');
      if (!ok) return;
      this.setData({ busy: true });
      const res = await call('registry', 'openPeriod', { rules, reason });
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      this.setData({ opened: res.data });
      toast(this, '新一期已开启', 'success');
    },
  },
});
