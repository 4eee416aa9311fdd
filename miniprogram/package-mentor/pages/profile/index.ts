/**
 * 导师资料 (issue 11): the mentor completes their profile on the phone — organisation (and their unit, if it is in
 * the directory, so its youths are kept apart), sector, district, expertise from the city's list, how many mentees
 * they can take, and whom they must not mentor. Checked with the contract's own schema.
 */
import type { OptionsView } from '../../../core/contracts/mentoring';
import { MAX_EXPERTISE, MentorProfileInput } from '../../../core/contracts/mentoring-forms';
import { call } from '../../../services/cloud';
import { formErrors } from '../../../services/form-errors';
import { toast } from '../../../lib/ui';
import { textSize } from '../../../behaviors/text-size';

const LABELS = {
  orgName: '工作单位',
  sector: '所属系统',
  districtId: '所在区县',
  expertise: '擅长领域',
  capacity: '可带教人数',
  excludedNames: '回避人员',
};

const splitNames = (text: string): string[] =>
  text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    sectors: [] as OptionsView['sectors'],
    expertiseOptions: [] as Array<{ label: string; checked: boolean }>,
    districts: [] as Array<{ id: string; name: string }>,
    orgName: '',
    unitId: null as string | null,
    unitName: '',
    sector: '',
    districtId: '',
    capacity: '3',
    excluded: '',
    errors: {} as Record<string, string>,
    saving: false,
    maxExpertise: MAX_EXPERTISE,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [options, me] = await Promise.all([call('mentoring', 'options', {}), call('mentoring', 'myProfile', {})]);
      if (!options.ok) return this.setData({ loading: false, error: options.message });
      if (!me.ok) return this.setData({ loading: false, error: me.message });
      const p = me.data;
      this.setData({
        loading: false,
        sectors: options.data.sectors,
        expertiseOptions: options.data.expertise.map((label) => ({ label, checked: p.expertise.includes(label) })),
        districts: options.data.districts,
        orgName: p.orgName,
        unitId: p.unitId,
        sector: p.sector ?? '',
        districtId: p.districtId ?? '',
        capacity: String(p.capacity),
        excluded: p.excludedNames.join('，'),
      });
    },
    onRetry() {
      void this.load();
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field?: string };
      if (field) this.setData({ [field]: e.detail.value, errors: {} });
    },
    onPick(e: WechatMiniprogram.CustomEvent) {
      const { field, value } = e.currentTarget.dataset as { field?: string; value?: string };
      if (field && value) this.setData({ [field]: value, errors: {} });
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      this.setData({ unitId: e.detail.unit?.id ?? null, unitName: e.detail.unit?.name ?? '' });
    },
    onExpertise(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index?: number };
      const option = typeof index === 'number' ? this.data.expertiseOptions[index] : undefined;
      if (!option) return;
      const chosen = this.data.expertiseOptions.filter((o) => o.checked).length;
      if (!option.checked && chosen >= MAX_EXPERTISE) return toast(this, `最多选择 ${MAX_EXPERTISE} 项`, 'warning');
      this.setData({ [`expertiseOptions[${index}].checked`]: !option.checked, errors: {} });
    },

    async onSave() {
      const d = this.data;
      const value = {
        orgName: d.orgName,
        ...(d.unitId ? { unitId: d.unitId } : {}),
        sector: d.sector,
        districtId: d.districtId,
        expertise: d.expertiseOptions.filter((o) => o.checked).map((o) => o.label),
        capacity: Number(d.capacity),
        excludedNames: splitNames(d.excluded),
      };
      const errors = formErrors(MentorProfileInput, value, LABELS);
      if (Object.keys(errors).length > 0) return this.setData({ errors });
      this.setData({ saving: true });
      const res = await call('mentoring', 'saveProfile', MentorProfileInput.parse(value));
      this.setData({ saving: false });
      if (!res.ok) return toast(this, res.message);
      toast(this, '导师资料已保存', 'success');
      setTimeout(() => wx.navigateBack({ fail: () => undefined }), 600);
    },
  },
});
