/**
 * What the cultivation pages render, derived from the answers (issue 13): a measure's card, a ledger row, a
 * pipeline row, and today's China date for the date pickers.
 */
import type {
  CoverageView,
  LedgerRow,
  MeasureView,
  PartyCandidate,
  PartyView,
  PipelineView,
  ReserveView,
} from '../../core/contracts/cultivation';
import { chinaDate, chineseDate } from '../../core/china-time';

/** Today in China, the pickers' default and end (the server refuses a later date too). */
export const todayInChina = (): string => chinaDate(new Date());

const span = (start: string, end: string | null): string =>
  end && end !== start ? `${chineseDate(start)}—${chineseDate(end)}` : chineseDate(start);

export interface MeasureRow {
  id: string;
  kind: string;
  title: string;
  when: string;
  detail: string;
  evidence: string;
  status: string;
  tone: 'ok' | 'wait' | 'no';
  byYouth: boolean;
  canDecide: boolean;
  reason: string;
}

export function measureRow(m: MeasureView): MeasureRow {
  return {
    id: m.id,
    kind: m.kindLabel,
    title: m.title,
    when: span(m.startDate, m.endDate),
    detail: m.detail,
    evidence: m.evidence ? `证明材料：${m.evidence}` : '',
    status: m.statusLabel,
    tone: m.status === 'confirmed' ? 'ok' : m.status === 'pending' ? 'wait' : 'no',
    byYouth: m.addedBy === 'youth',
    canDecide: m.canDecide,
    reason: m.reason ? `未确认原因：${m.reason}` : '',
  };
}

/** The coverage facts in words. */
export function coverageLines(c: { talkedRecently: boolean; idle: boolean; lastMeasure: string | null }): string[] {
  return [
    c.talkedRecently ? '近六个月已与单位负责人谈心交流' : '近六个月尚未与单位负责人谈心交流',
    c.lastMeasure ? `最近一次培养：${chineseDate(c.lastMeasure)}` : '尚无已确认的培养记录',
    ...(c.idle ? ['已超过一年没有培养措施'] : []),
  ];
}

export function ledgerRow(r: LedgerRow) {
  return {
    id: r.nominationId,
    name: r.name,
    unit: r.unitName,
    line: `已确认 ${r.measures} 项${r.pending > 0 ? ` · 待确认 ${r.pending} 项` : ''}`,
    flags: [...(r.idle ? ['一年无培养'] : []), ...(r.talkedRecently ? [] : ['半年未谈心'])],
  };
}

export function pipelineRow(p: PartyView) {
  const last = p.steps[p.steps.length - 1];
  return {
    id: p.nominationId,
    name: p.name,
    unit: p.unitName,
    selected: p.selected,
    stage: p.stageLabel,
    line: last ? `${last.label} · ${chineseDate(last.date)}` : '',
    warn:
      p.stage === 'applicant' && p.leagueRouteRequired
        ? `${chineseDate(p.leagueBirthday)}满28周岁，须经团组织推优`
        : '',
  };
}

export interface PartyCard {
  stage: string;
  steps: Array<{ label: string; date: string; org: string }>;
  next: PartyView['next'];
  note: string;
}

export function partyCard(p: PartyView): PartyCard {
  return {
    stage: p.stageLabel,
    steps: p.steps.map((s) => ({
      label: s.label,
      date: chineseDate(s.date),
      org: s.leagueOrg ? `推优团组织：${s.leagueOrg}` : '',
    })),
    next: p.next,
    note: p.leagueRouteRequired ? `${p.age}周岁：确定为入党积极分子前须为共青团员并经团组织推优` : `${p.age}周岁`,
  };
}

export function reserveCard(r: ReserveView) {
  return {
    id: r.nominationId,
    name: r.name,
    unit: r.unitName,
    status: r.statusLabel,
    history: r.history.map((h) => ({ label: h.label, line: `${chineseDate(h.date)} ${h.byName}：${h.reason}` })),
    next: r.next,
  };
}

/** What a `<chart>` draws: the categories and one value per category in each series. */
export interface ChartData {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

/**
 * The coverage of a scope as charts (R5.3): the youths who talked with the unit head in the last six months and
 * those who did not (a ring), those with and without a measure in a year (a ring), and for a district or the city
 * each unit's talk share, lowest first as the answer orders it (horizontal bars; none in a unit's own view).
 */
export function coverageCharts(c: CoverageView): { talk: ChartData; measured: ChartData; units: ChartData } {
  return {
    talk: {
      categories: ['近六个月已谈心', '近六个月未谈心'],
      series: [{ name: '好青年', data: [c.talked, c.youths - c.talked] }],
    },
    measured: {
      categories: ['一年内有培养措施', '一年无培养措施'],
      series: [{ name: '好青年', data: [c.youths - c.idle, c.idle] }],
    },
    units: {
      categories: c.rows.map((r) => r.name),
      series: [{ name: '近六个月谈心占比', data: c.rows.map((r) => r.talkShare) }],
    },
  };
}

/** The Party pipeline per stage as bars (R6.2), in the order of the stages; nothing to draw while it is empty. */
export function pipelineChart(counts: PipelineView['counts']): ChartData {
  const any = counts.some((c) => c.count > 0);
  return {
    categories: any ? counts.map((c) => c.label) : [],
    series: [{ name: '人数', data: counts.map((c) => c.count) }],
  };
}

/** A youth of the database as the Party application list shows them. */
export function candidateRow(c: PartyCandidate) {
  return {
    id: c.youthId,
    name: c.name,
    selected: c.selected,
    recordId: c.recordId,
    line: `${c.age}周岁${c.post ? ` · ${c.post}` : ''}`,
    action: c.recordId ? '已有入党培养记录，点击查看' : '点击登记入党申请',
  };
}
