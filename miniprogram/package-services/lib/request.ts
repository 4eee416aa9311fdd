/** Rows and texts of the services pages (issue 12): what a request card and the detail show. */
import type { RequestDetailView, RequestView, StatsRow } from '../../core/contracts/services';
import { chinaDateText, chinaDateTime } from '../../lib/format';

export const SERVICES_ROOT = '/package-services/pages';

export interface RequestRow {
  id: string;
  type: string;
  status: string;
  statusClass: string;
  summary: string;
  who: string;
  submitted: string;
  due: string;
  overdue: boolean;
  level: string;
}

const STATUS_CLASS: Record<string, string> = {
  submitted: 'wait',
  accepted: 'work',
  in_progress: 'work',
  resolved: 'done',
  closed: 'done',
  declined: 'off',
};

export function requestRow(r: RequestView): RequestRow {
  return {
    id: r.id,
    type: r.typeName,
    status: r.statusLabel,
    statusClass: STATUS_CLASS[r.status] ?? 'wait',
    summary: r.summary,
    who: [r.youthName, r.unitName].filter(Boolean).join(' · '),
    submitted: chinaDateTime(r.submittedAt),
    due: r.dueAt ? `${r.overdue ? '已超时，' : ''}时限 ${chinaDateText(r.dueAt)}` : '',
    overdue: r.overdue,
    level: r.escalated ? '团市委督办' : '',
  };
}

export const ACTION_LABELS: Record<string, string> = {
  accept: '受理',
  decline: '不予受理',
  note: '填写办理进展',
  resolve: '办结',
  confirm: '确认并评价',
  reopen: '申请重新办理',
};

export function detailOf(d: RequestDetailView) {
  return {
    ...requestRow(d),
    description: d.description,
    fields: d.fields,
    resolution: d.resolution ?? '',
    rating: d.rating ?? 0,
    ratingComment: d.ratingComment ?? '',
    timeline: d.timeline
      .map((t, i) => ({
        key: `${i}`,
        label: t.label,
        at: chinaDateTime(t.at),
        actor: t.actorName,
        comment: t.comment ?? '',
      }))
      .reverse(),
    actions: d.actions.map((a) => ({ id: a, label: ACTION_LABELS[a] ?? a })),
    attachments: d.attachments,
  };
}

/** "2.5 小时" / "1.2 天" / "—" */
export function hoursText(h: number | null): string {
  if (h === null) return '—';
  return h < 48 ? `${h} 小时` : `${Math.round((h / 24) * 10) / 10} 天`;
}

export function statsRow(r: StatsRow) {
  return {
    key: r.key,
    label: r.label,
    volume: r.volume,
    open: r.open,
    accept: `${hoursText(r.acceptMedianH)} / ${hoursText(r.acceptP90H)}`,
    resolve: `${hoursText(r.resolveMedianH)} / ${hoursText(r.resolveP90H)}`,
    overdue: r.overduePct === null ? '—' : `${r.overduePct}%`,
    satisfaction: r.satisfaction === null ? '—' : `${r.satisfaction} 分（${r.rated} 人评价）`,
  };
}
