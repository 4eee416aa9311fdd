/** The loop page's rows: a cycle as the timeline shows it, the step form it needs, and a meeting. */
import type { CycleView, LoopTimelineView } from '../../core/contracts/mentoring';

const day = (iso: string | null): string =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600000).toISOString().slice(0, 10) : '';

export const RATING_CHOICES = [
  { value: 1, label: '1 较差' },
  { value: 2, label: '2 一般' },
  { value: 3, label: '3 良好' },
  { value: 4, label: '4 优秀' },
] as const;
export const MEETING_FORMS = [
  { id: 'offline', label: '线下见面' },
  { id: 'online', label: '线上交流' },
  { id: 'phone', label: '电话沟通' },
] as const;

export function cycleRow(c: CycleView) {
  return {
    ...c,
    title: `第 ${c.n} 周期`,
    due: c.dueAt ? `${c.stepLabel} · ${c.owner === 'mentor' ? '导师' : '青年'} · ${day(c.dueAt)} 前` : c.stepLabel,
    started: day(c.startAt),
    taskText: c.tasks.join('；'),
    steps: c.steps.map((s) => ({ ...s, at: day(s.at) })),
  };
}

export function timelineRows(t: LoopTimelineView) {
  return { cycles: t.cycles.map(cycleRow), meetings: t.meetings, agreement: t.agreement };
}

/** The China date `days` after `now`, as the date inputs take it. */
export const chinaDay = (now: Date, days = 0): string => day(new Date(now.getTime() + days * 86400000).toISOString());
