/**
 * 培养记录 (issue 11): the pair's timeline of cycles — the mentor sets tasks, the youth reports, the mentor
 * evaluates (rating and comment), the youth acknowledges and writes an improvement plan with a due date, and the
 * next cycle opens — each open step showing its owner and due date; and the meetings the pair logged.
 */
import type { CycleStepInputType } from '../../../core/contracts/mentoring';
import { call } from '../../../services/cloud';
import { confirmModal, toast } from '../../../lib/ui';
import { chinaDay, MEETING_FORMS, RATING_CHOICES, timelineRows } from '../../lib/loop';
import { textSize } from '../../../behaviors/text-size';

type Rows = ReturnType<typeof timelineRows>;
type StepInput = CycleStepInputType;

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    id: '',
    t: null as Rows | null,
    busy: false,
    tasks: '',
    report: '',
    rating: 0,
    comment: '',
    plan: '',
    planDue: '',
    meetingDate: '',
    meetingForm: 'offline',
    summary: '',
    ratings: RATING_CHOICES,
    forms: MEETING_FORMS,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const today = chinaDay(new Date());
      this.setData({ id: query.id ?? '', meetingDate: today, planDue: chinaDay(new Date(), 30) });
      void this.load();
    },
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('mentoring', 'timeline', { agreementId: this.data.id });
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.setData({ loading: false, t: timelineRows(res.data) });
    },
    onRetry() {
      void this.load();
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: string };
      this.setData({ [field]: e.detail.value });
    },
    onPick(e: WechatMiniprogram.CustomEvent) {
      const { field, value } = e.currentTarget.dataset as { field: string; value: string | number };
      this.setData({ [field]: value });
    },
    /** The open cycle's step the caller owes, from what was typed. */
    stepInput(): StepInput | null {
      const open = this.data.t?.cycles.find((c) => c.mine);
      if (!open) return null;
      const d = this.data;
      const cycleId = open.id;
      if (open.status === 'tasks')
        return {
          cycleId,
          step: 'setTasks',
          tasks: d.tasks
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        };
      if (open.status === 'report') return { cycleId, step: 'report', report: d.report.trim() };
      if (open.status === 'evaluate') return { cycleId, step: 'evaluate', rating: d.rating, comment: d.comment.trim() };
      if (open.status === 'acknowledge') return { cycleId, step: 'acknowledge' };
      return { cycleId, step: 'plan', plan: d.plan.trim(), due: d.planDue };
    },
    async onStep() {
      const input = this.stepInput();
      if (!input) return;
      const problem = stepProblem(input);
      if (problem) return toast(this, problem, 'warning');
      if (input.step === 'plan' && !(await confirmModal('提交改进计划', '提交后本周期完成，将开启下一周期。', '提交')))
        return;
      this.setData({ busy: true });
      const res = await call('mentoring', 'cycleStep', input);
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      this.setData({ t: timelineRows(res.data), tasks: '', report: '', rating: 0, comment: '', plan: '' });
      toast(this, '已提交', 'success');
    },
    async onMeeting() {
      const d = this.data;
      if (d.summary.trim().length < 4) return toast(this, '请填写见面纪要（至少 4 个字）', 'warning');
      const res = await call('mentoring', 'logMeeting', {
        agreementId: d.id,
        date: d.meetingDate,
        form: d.meetingForm as 'offline' | 'online' | 'phone',
        summary: d.summary.trim(),
      });
      if (!res.ok) return toast(this, res.message);
      this.setData({ t: timelineRows(res.data), summary: '' });
      toast(this, '见面已记录', 'success');
    },
  },
});

/** What is missing from a step before it is sent (the contract checks again). */
function stepProblem(input: StepInput): string {
  if (input.step === 'setTasks' && input.tasks.length === 0) return '请填写至少一项学习任务（每行一项）';
  if (input.step === 'report' && input.report.length < 10) return '学习报告至少 10 个字';
  if (input.step === 'evaluate' && (input.rating < 1 || input.comment.length < 4)) return '请选择评分并填写评语';
  if (input.step === 'plan' && input.plan.length < 10) return '改进计划至少 10 个字';
  return '';
}
