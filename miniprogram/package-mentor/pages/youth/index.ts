/**
 * 我的导师 (issue 11): a selected youth states their sector and what they want to grow in (matching reads it),
 * sees the mentor the League paired them with and why, and may decline a published match with a reason (they
 * return to the pool).
 */
import type { MyMentoringView, OptionsView } from '../../../core/contracts/mentoring';
import { GoalsInput, MAX_GOALS } from '../../../core/contracts/mentoring-forms';
import { call } from '../../../services/cloud';
import { formErrors } from '../../../services/form-errors';
import { go, toast } from '../../../lib/ui';
import { declineReasonError, matchRow, type MatchRow } from '../../lib/match';
import { textSize } from '../../../behaviors/text-size';

const LABELS = { sector: '所属系统', goals: '发展目标', note: '补充说明' };

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    selected: false,
    sectors: [] as OptionsView['sectors'],
    goalOptions: [] as Array<{ label: string; checked: boolean }>,
    sector: '',
    note: '',
    errors: {} as Record<string, string>,
    saving: false,
    match: null as MatchRow | null,
    maxGoals: MAX_GOALS,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [options, mine] = await Promise.all([
        call('mentoring', 'options', {}),
        call('mentoring', 'myMentoring', {}),
      ]);
      if (!options.ok) return this.setData({ loading: false, error: options.message });
      if (!mine.ok) return this.setData({ loading: false, error: mine.message });
      this.show(options.data, mine.data);
    },
    show(options: OptionsView, mine: MyMentoringView) {
      this.setData({
        loading: false,
        selected: mine.selected,
        sectors: options.sectors,
        goalOptions: options.expertise.map((label) => ({ label, checked: mine.goals.includes(label) })),
        sector: mine.sector ?? '',
        note: mine.note,
        match: mine.match ? matchRow(mine.match) : null,
      });
    },
    onRetry() {
      void this.load();
    },
    onSector(e: WechatMiniprogram.CustomEvent) {
      const { value } = e.currentTarget.dataset as { value?: string };
      if (value) this.setData({ sector: value, errors: {} });
    },
    onGoal(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index?: number };
      const option = typeof index === 'number' ? this.data.goalOptions[index] : undefined;
      if (!option) return;
      const chosen = this.data.goalOptions.filter((o) => o.checked).length;
      if (!option.checked && chosen >= MAX_GOALS) return toast(this, `最多选择 ${MAX_GOALS} 项`, 'warning');
      this.setData({ [`goalOptions[${index}].checked`]: !option.checked, errors: {} });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value });
    },
    async onSave() {
      const value = {
        sector: this.data.sector,
        goals: this.data.goalOptions.filter((o) => o.checked).map((o) => o.label),
        note: this.data.note,
      };
      const errors = formErrors(GoalsInput, value, LABELS);
      if (Object.keys(errors).length > 0) return this.setData({ errors });
      this.setData({ saving: true });
      const res = await call('mentoring', 'saveGoals', GoalsInput.parse(value));
      this.setData({ saving: false });
      if (!res.ok) return toast(this, res.message);
      toast(this, '发展目标已保存', 'success');
    },

    onAgreement() {
      if (this.data.match) go(`/package-mentor/pages/agreement/index?id=${this.data.match.id}`);
    },
    onDeclineOpen() {
      if (this.data.match) this.setData({ 'match.declining': !this.data.match.declining });
    },
    onReasonInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'match.reason': e.detail.value, 'match.reasonError': '' });
    },
    async onDeclineConfirm() {
      const match = this.data.match;
      if (!match) return;
      const problem = declineReasonError(match.reason);
      if (problem) return this.setData({ 'match.reasonError': problem });
      const res = await call('mentoring', 'decline', { matchId: match.id, reason: match.reason.trim() });
      if (!res.ok) return this.setData({ 'match.reasonError': res.message });
      this.setData({ match: null });
      toast(this, '已婉拒，团组织将为您另行安排导师', 'success');
    },
  },
});
