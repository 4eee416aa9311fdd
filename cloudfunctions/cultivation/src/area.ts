/**
 * What several cultivation actions share: the youth a call is about and whether the caller covers them, the
 * cadre's scope as record filters, the current period, and the views.
 */
import type {
  CoverageFacts,
  MeasureView,
  PartyView,
  ReserveView,
} from '../../../miniprogram/core/contracts/cultivation';
import type { MeasureFields } from '../../../miniprogram/core/contracts/cultivation-forms';
import { chinaDate, fullYears } from '../../../miniprogram/core/china-time';
import {
  canDecideMeasure,
  leagueBirthday,
  leagueRouteRequired,
  MEASURE_KIND_LABELS,
  MEASURE_STATUS_LABELS,
  PARTY_EVENT_LABELS,
  PARTY_STAGE_LABELS,
  partyEventsFrom,
  RESERVE_EVENT_LABELS,
  RESERVE_STATUS_LABELS,
  reserveEventsFrom,
  TALK_WITH_LABELS,
  youthCoverage,
} from '../../../miniprogram/core/cultivation';
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { ADMIN_ROLES, recordFilter, type DocFilter } from '../../../miniprogram/core/scope';
import {
  C,
  type MeasureDoc,
  type NominationDoc,
  type OrgDoc,
  type PartyRecordDoc,
  type ReserveDoc,
} from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, type Actor } from '../../_lib/identity';
import { currentPeriod, getOrg } from '../../_lib/queries';
import { resolveScope } from '../../_lib/scope';

/** Nominations that name a youth a unit works with: everything but drafts and records taken out of the running. */
const GONE = ['draft', 'withdrawn', 'voided'];

export async function nominationOf(deps: ServerDeps, id: string): Promise<NominationDoc | null> {
  const n = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  return n && !GONE.includes(n.status) ? n : null;
}

/** Whether a cadre covers the youth's unit (the unit's admins, its district, the city). */
export async function coversYouth(deps: ServerDeps, actor: Actor, n: Pick<NominationDoc, 'unitId'>): Promise<boolean> {
  const unit = await getOrg(deps, n.unitId);
  return unit !== null && covers(actor, unit, ADMIN_ROLES);
}

/** A 好青年 the cadre covers, by nomination id; `selectedOnly` for the cultivation ledger. */
export async function youthInScope(
  deps: ServerDeps,
  actor: Actor,
  nominationId: string,
  selectedOnly: boolean,
): Promise<Result<NominationDoc, CodedError<'CULTIVATION.NOT_FOUND' | 'AUTH.OUT_OF_SCOPE'>>> {
  const n = await nominationOf(deps, nominationId);
  if (!n || (selectedOnly && n.status !== 'approved')) return err(appError('CULTIVATION.NOT_FOUND', 'no such youth'));
  if (!(await coversYouth(deps, actor, n))) return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  return ok(n);
}

/** The caller's own 好青年 record: their newest approved nomination. */
export async function ownRecord(deps: ServerDeps, openid: string): Promise<NominationDoc | null> {
  const mine = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ youthOpenid: openid, status: 'approved' }, { sort: { createdAt: -1, _id: 1 }, limit: 1 });
  return mine[0] ?? null;
}

export function today(now: Date): string {
  return chinaDate(now);
}

/** A cadre's view as a filter on records carrying `unitId` and `districtId`, with its name. */
export async function cadreScope(
  deps: ServerDeps,
  actor: Actor,
  requested: { unitId?: string; districtId?: string },
): Promise<
  Result<
    { level: 'city' | 'district' | 'unit'; name: string; filter: DocFilter; unitIds: readonly string[] },
    CodedError<'AUTH.OUT_OF_SCOPE' | 'ORG.NOT_FOUND'>
  >
> {
  const scope = await resolveScope(deps, actor, requested);
  if (!scope.ok) return scope;
  const s = scope.value;
  return ok({
    level: s.level,
    name: s.name,
    filter: recordFilter(s),
    unitIds: s.level === 'unit' ? s.unitIds : [],
  });
}

export async function periodIdNow(
  deps: ServerDeps,
  now: Date,
): Promise<Result<string, CodedError<'PERIOD.NOT_FOUND'>>> {
  const p = await currentPeriod(deps, now);
  return p ? ok(p._id) : err(appError('PERIOD.NOT_FOUND', 'no current period'));
}

export async function unitNames(deps: ServerDeps, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const orgs = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ _id: { $in: [...new Set(ids)] } }, { projection: { name: 1 } });
  return new Map(orgs.map((o) => [o._id, o.name]));
}

const orNull = <T>(v: T | undefined | ''): T | null => (v === undefined || v === '' ? null : v);

/** A measure's fields as stored, from what was typed: only a training keeps hours, only a talk whom. */
export function measureFields(
  m: MeasureFields,
): Pick<
  MeasureDoc,
  | 'kind'
  | 'title'
  | 'startDate'
  | 'endDate'
  | 'organiser'
  | 'hours'
  | 'talkWith'
  | 'talkWithName'
  | 'summary'
  | 'evidence'
> {
  const talk = m.kind === 'talk';
  return {
    kind: m.kind,
    title: m.title,
    startDate: m.startDate,
    endDate: orNull(m.endDate),
    organiser: orNull(m.organiser),
    hours: m.kind === 'training' ? orNull(m.hours) : null,
    talkWith: talk ? orNull(m.talkWith) : null,
    talkWithName: talk ? orNull(m.talkWithName) : null,
    summary: orNull(m.summary),
    evidence: m.evidence ?? '',
  };
}

/** Dates of a measure may not lie after today in China. */
export function futureDate(m: Pick<MeasureFields, 'startDate' | 'endDate'>, now: Date): boolean {
  const t = today(now);
  return m.startDate > t || (m.endDate !== undefined && m.endDate > t);
}

export function measureDetail(m: MeasureDoc): string {
  const parts: string[] = [];
  if (m.kind === 'talk' && m.talkWith) parts.push(`${TALK_WITH_LABELS[m.talkWith]} ${m.talkWithName ?? ''}`.trim());
  if (m.organiser) parts.push(`主办：${m.organiser}`);
  if (m.hours !== null) parts.push(`${m.hours}学时`);
  const head = parts.join(' · ');
  return m.summary ? (head ? `${head}：${m.summary}` : m.summary) : head;
}

export function measureView(m: MeasureDoc): MeasureView {
  return {
    id: m._id,
    nominationId: m.nominationId,
    youthName: m.youthName,
    kind: m.kind,
    kindLabel: MEASURE_KIND_LABELS[m.kind],
    title: m.title,
    startDate: m.startDate,
    endDate: m.endDate,
    detail: measureDetail(m),
    evidence: m.evidence,
    status: m.status,
    statusLabel: MEASURE_STATUS_LABELS[m.status],
    addedBy: m.addedBy,
    canDecide: canDecideMeasure(m.status),
    reason: m.reason,
  };
}

/** The youth's measures, newest first. */
export async function measuresOf(deps: ServerDeps, nominationId: string): Promise<MeasureDoc[]> {
  return deps.store
    .collection<MeasureDoc>(C.measures)
    .find({ nominationId }, { sort: { startDate: -1, _id: 1 }, limit: 500 });
}

export function coverageOf(measures: readonly MeasureDoc[], now: Date): CoverageFacts {
  return youthCoverage(measures, today(now));
}

/** League membership: the nomination's political status, or what the unit stated for a youth-database record. */
export function leagueMemberOf(
  r: Pick<PartyRecordDoc, 'source' | 'leagueMember'>,
  n: Pick<NominationDoc, 'politicalStatus'> | null,
): boolean {
  return r.source === 'registry' ? r.leagueMember === true : n?.politicalStatus === 'league_member';
}

export function partyView(
  r: PartyRecordDoc,
  n: Pick<NominationDoc, 'politicalStatus'> | null,
  unitName: string,
  now: Date,
): PartyView {
  const t = today(now);
  return {
    nominationId: r._id,
    name: r.name,
    unitName,
    selected: r.selected,
    stage: r.status,
    stageLabel: PARTY_STAGE_LABELS[r.status],
    age: fullYears(r.birthDate, t),
    leagueBirthday: leagueBirthday(r.birthDate),
    leagueRouteRequired: leagueRouteRequired(r.birthDate, t),
    leagueMember: leagueMemberOf(r, n),
    leagueOrg: r.leagueOrg,
    steps: r.steps.map((s) => ({
      event: s.event,
      label: s.event === 'apply' ? '提交入党申请' : PARTY_EVENT_LABELS[s.event],
      date: s.date,
      leagueOrg: s.leagueOrg,
      byName: s.byName,
    })),
    next: partyEventsFrom(r.status).map((event) => ({ event, label: PARTY_EVENT_LABELS[event] })),
  };
}

/** One page of an in-memory list (a scope's 好青年 number in the hundreds, a city's about a thousand). */
export function paged<T>(all: readonly T[], page = 1, pageSize = 20) {
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    total: all.length,
    hasMore: page * pageSize < all.length,
  };
}

export const quotaKey = (year: number, unitId: string): string => `${year}:${unitId}`;

export function reserveView(r: ReserveDoc, unitName: string): ReserveView {
  return {
    nominationId: r._id,
    name: r.name,
    unitName,
    status: r.status,
    statusLabel: RESERVE_STATUS_LABELS[r.status],
    history: r.history.map((h) => ({
      label: h.action === 'nominate' ? '单位推荐' : RESERVE_EVENT_LABELS[h.action],
      reason: h.comment ?? '',
      byName: h.actorName,
      date: chinaDate(h.at),
    })),
    next: reserveEventsFrom(r.status).map((event) => ({ event, label: RESERVE_EVENT_LABELS[event] })),
  };
}
