/**
 * What several mentoring actions share: the admin's scope (a district or the city), the expertise list, the
 * candidates for matching as the core reads them, and the views.
 */
import type {
  MatchView,
  MentorView,
  MyMentoringView,
  OptionsView,
} from '../../../miniprogram/core/contracts/mentoring';
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import {
  barrier,
  BARRIER_LABELS,
  explain,
  scorePair,
  type MentorCandidate,
  type YouthCandidate,
} from '../../../miniprogram/core/matching';
import {
  canAccept,
  canDecline,
  DEFAULT_EXPERTISE,
  MATCH_STATUS_LABELS,
  MENTOR_STATUS_LABELS,
  profileComplete,
  SECTOR_LABELS,
  SECTORS,
} from '../../../miniprogram/core/mentoring';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import {
  C,
  type AccountDoc,
  type MatchDoc,
  type MenteeDoc,
  type MentorDoc,
  type MentoringSettingDoc,
  type NominationDoc,
  type OrgDoc,
} from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, type Actor } from '../../_lib/identity';
import { currentPeriod } from '../../_lib/queries';
import { resolveScope } from '../../_lib/scope';

export const EXPERTISE_ID = 'expertise';

export async function expertiseList(deps: ServerDeps): Promise<string[]> {
  const doc = await deps.store.collection<MentoringSettingDoc>(C.mentoringSettings).get(EXPERTISE_ID);
  return doc ? doc.items : [...DEFAULT_EXPERTISE];
}

export async function checkExpertise(
  deps: ServerDeps,
  items: readonly string[],
): Promise<Result<null, CodedError<'MENTORING.UNKNOWN_EXPERTISE'>>> {
  const known = await expertiseList(deps);
  const unknown = items.filter((i) => !known.includes(i));
  return unknown.length === 0
    ? ok(null)
    : err(appError('MENTORING.UNKNOWN_EXPERTISE', 'not in the city list', { unknown }));
}

/** A mentoring admin's view: the city or one district, with the district filter of its records. */
export interface AreaScope {
  level: 'city' | 'district';
  orgId: string;
  name: string;
  /** Filter on `districtId` of nominations, matches and mentors; empty for the city. */
  filter: Record<string, string>;
}

export async function areaScope(
  deps: ServerDeps,
  actor: Actor,
  districtId: string | undefined,
): Promise<Result<AreaScope, CodedError<'AUTH.OUT_OF_SCOPE' | 'ORG.NOT_FOUND'>>> {
  const scope = await resolveScope(deps, actor, { districtId });
  if (!scope.ok) return scope;
  const s = scope.value;
  if (s.level === 'unit') return err(appError('AUTH.OUT_OF_SCOPE', 'mentoring is run by districts and the city'));
  const filter: Record<string, string> = s.level === 'city' ? {} : { districtId: s.orgId };
  return ok({ level: s.level, orgId: s.orgId, name: s.name, filter });
}

export async function periodId(deps: ServerDeps, now: Date): Promise<Result<string, CodedError<'PERIOD.NOT_FOUND'>>> {
  const period = await currentPeriod(deps, now);
  return period ? ok(period._id) : err(appError('PERIOD.NOT_FOUND', 'no current period'));
}

/** Names of the districts (for "同在柯桥区"). */
export async function districtNames(deps: ServerDeps): Promise<Record<string, string>> {
  const districts = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ level: 'district' }, { projection: { name: 1 } });
  return Object.fromEntries(districts.map((d) => [d._id, d.name]));
}

export function mentorCandidate(m: MentorDoc): MentorCandidate {
  return {
    id: m._id,
    name: m.name,
    status: profileComplete(m) ? m.status : 'paused',
    sector: m.sector,
    districtId: m.districtId,
    expertise: m.expertise,
    unitId: m.unitId,
    excludedNames: m.excludedNames,
    capacity: m.capacity,
    load: m.load,
  };
}

/** Each unit with the units above it (its reporting line), nearest first; districts and the city are not units. */
export async function unitChains(deps: ServerDeps, unitIds: readonly string[]): Promise<Map<string, OrgDoc[]>> {
  const orgs = deps.store.collection<OrgDoc>(C.orgs);
  const known = new Map<string, OrgDoc>();
  let wanted = [...new Set(unitIds)];
  while (wanted.length > 0) {
    const found = await orgs.find({ _id: { $in: wanted } }, { projection: { name: 1, level: 1, parentId: 1 } });
    for (const o of found) known.set(o._id, o);
    wanted = found
      .filter((o) => o.level === 'unit' && o.parentId !== null && !known.has(o.parentId))
      .map((o) => o.parentId as string);
  }
  const chain = (id: string): OrgDoc[] => {
    const out: OrgDoc[] = [];
    for (let o = known.get(id); o && o.level === 'unit' && out.length < 20; o = known.get(o.parentId ?? ''))
      out.push(o);
    return out;
  };
  return new Map(unitIds.map((id) => [id, chain(id)]));
}

export function youthCandidate(n: NominationDoc, mentee: MenteeDoc | null, chain: OrgDoc[]): YouthCandidate {
  return {
    id: n._id,
    name: n.name,
    sector: mentee?.sector ?? null,
    districtId: n.districtId,
    goals: mentee?.goals ?? [],
    unitChain: chain.map((o) => o._id),
  };
}

/** The approved youths of a scope who are in the pool (no published or active match), with their records. */
export async function poolOf(
  deps: ServerDeps,
  period: string,
  scope: AreaScope,
): Promise<Array<{ nomination: NominationDoc; mentee: MenteeDoc | null }>> {
  const nominations = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ periodId: period, status: 'approved', ...scope.filter }, { sort: { submittedAt: 1, _id: 1 } });
  const mentees = await menteesOf(
    deps,
    nominations.map((n) => n._id),
  );
  return nominations
    .map((n) => ({ nomination: n, mentee: mentees.get(n._id) ?? null }))
    .filter((x) => !x.mentee?.openMatchId);
}

export async function menteesOf(deps: ServerDeps, ids: readonly string[]): Promise<Map<string, MenteeDoc>> {
  if (ids.length === 0) return new Map();
  const docs = await deps.store.collection<MenteeDoc>(C.mentees).find({ _id: { $in: [...ids] } });
  return new Map(docs.map((d) => [d._id, d]));
}

export function mentorView(m: MentorDoc, names: Record<string, string>): MentorView {
  return {
    id: m._id,
    name: m.name,
    status: m.status,
    statusLabel: MENTOR_STATUS_LABELS[m.status],
    orgName: m.orgName,
    unitId: m.unitId,
    sector: m.sector,
    sectorLabel: m.sector ? SECTOR_LABELS[m.sector] : '',
    districtId: m.districtId,
    districtName: m.districtId ? (names[m.districtId] ?? '') : '',
    expertise: m.expertise,
    capacity: m.capacity,
    load: m.load,
    excludedNames: m.excludedNames,
    pauseReason: m.pauseReason,
    complete: profileComplete(m),
  };
}

export function matchView(m: MatchDoc, names: Record<string, string>, mentee: MenteeDoc | null): MatchView {
  return {
    id: m._id,
    nominationId: m.nominationId,
    status: m.status,
    statusLabel: MATCH_STATUS_LABELS[m.status],
    canAccept: canAccept(m.status),
    canDecline: canDecline(m.status),
    youthName: m.youthName,
    unitName: m.unitName,
    districtName: m.districtId ? (names[m.districtId] ?? '') : '',
    goals: mentee?.goals ?? [],
    goalNote: mentee?.note ?? '',
    mentorId: m.mentorId,
    mentorName: m.mentorName,
    mentorOrg: m.mentorOrg,
    score: m.score,
    explanation: explain(m.reasons),
    reason: m.reason,
  };
}

/** A new profile: what the mentor's account says (a district's invitation names the district), nothing else yet. */
export function blankMentor(actor: Actor, now: Date, cityOrgId: string): MentorDoc {
  const district = actor.grants.find((g) => g.role === 'mentor' && g.orgId !== cityOrgId)?.orgId ?? null;
  return {
    _id: actor.openid,
    name: actor.displayName ?? '导师',
    status: 'active',
    orgName: '',
    unitId: null,
    sector: null,
    districtId: district,
    expertise: [],
    capacity: 3,
    load: 0,
    excludedNames: [],
    pauseReason: null,
    createdAt: now,
    updatedAt: now,
    history: [],
  };
}

/** Whether an admin covers a mentor (a district admin the mentors of their district; the city every mentor). */
export function coversMentor(deps: ServerDeps, actor: Actor, m: Pick<MentorDoc, 'districtId'>): boolean {
  const org =
    m.districtId === null
      ? { _id: deps.cityOrgId, level: 'city' as const, districtId: null }
      : { _id: m.districtId, level: 'district' as const, districtId: m.districtId };
  return covers(actor, org, ['cityAdmin', 'districtAdmin']);
}

/** Whether an admin covers a selected youth's record (by its district; city-level units belong to the city). */
export function coversRecord(deps: ServerDeps, actor: Actor, r: { districtId: string | null }): boolean {
  return coversMentor(deps, actor, r);
}

/** The caller's approved nomination of the current period, if they were selected. */
export async function selectedRecord(deps: ServerDeps, openid: string, now: Date): Promise<NominationDoc | null> {
  const period = await currentPeriod(deps, now);
  if (!period) return null;
  return deps.store
    .collection<NominationDoc>(C.nominations)
    .findOne({ youthOpenid: openid, periodId: period._id, status: 'approved' });
}

/** What the youth's mentoring page shows. */
export async function youthView(deps: ServerDeps, n: NominationDoc | null): Promise<MyMentoringView> {
  if (!n) return { selected: false, sector: null, goals: [], note: '', match: null };
  const mentee = await deps.store.collection<MenteeDoc>(C.mentees).get(n._id);
  if (!mentee) return { selected: true, sector: null, goals: [], note: '', match: null };
  const match = mentee.openMatchId ? await deps.store.collection<MatchDoc>(C.matches).get(mentee.openMatchId) : null;
  return {
    selected: true,
    sector: mentee.sector,
    goals: mentee.goals,
    note: mentee.note,
    match: match ? matchView(match, await districtNames(deps), mentee) : null,
  };
}

/** Mentors a scope's matching draws on: the district's group, or the whole city's. */
export async function mentorsOf(deps: ServerDeps, scope: AreaScope): Promise<MentorDoc[]> {
  return deps.store.collection<MentorDoc>(C.mentors).find({ ...scope.filter, status: 'active' }, { sort: { _id: 1 } });
}

/** Drafts waiting for a mentor: each holds a place until published or discarded. */
export async function draftsOfMentor(deps: ServerDeps, mentorId: string): Promise<MatchDoc[]> {
  return deps.store.collection<MatchDoc>(C.matches).find({ mentorId, status: 'draft' });
}

export type PairCode =
  'MENTORING.NOT_FOUND' | 'MENTORING.PROFILE_INCOMPLETE' | 'MENTORING.BARRED' | 'MENTORING.OVER_CAPACITY';

/** The fields a draft of this youth with this mentor carries, or why the pair cannot be proposed. */
export async function draftPair(
  deps: ServerDeps,
  n: NominationDoc,
  mentorId: string,
  except: string | null,
): Promise<
  Result<Pick<MatchDoc, 'mentorId' | 'mentorName' | 'mentorOrg' | 'score' | 'reasons'>, CodedError<PairCode>>
> {
  const mentor = await deps.store.collection<MentorDoc>(C.mentors).get(mentorId);
  if (!mentor || !profileComplete(mentor)) {
    // A mentor who redeemed an invitation but has not filled in the profile yet has no profile document.
    const account = mentor ? null : await deps.store.collection<AccountDoc>(C.accounts).get(mentorId);
    return mentor || account?.grants.some((g) => g.role === 'mentor')
      ? err(appError('MENTORING.PROFILE_INCOMPLETE', 'profile incomplete'))
      : err(appError('MENTORING.NOT_FOUND', 'mentor not found'));
  }
  const [chains, mentee, drafts] = await Promise.all([
    unitChains(deps, [n.unitId]),
    deps.store.collection<MenteeDoc>(C.mentees).get(n._id),
    draftsOfMentor(deps, mentorId),
  ]);
  const y = youthCandidate(n, mentee, chains.get(n.unitId) ?? []);
  const pending = drafts.filter((d) => d._id !== except && d.nominationId !== n._id).length;
  const m = { ...mentorCandidate(mentor), load: mentor.load + pending };
  const barred = barrier(m, y);
  if (barred === 'full') return err(appError('MENTORING.OVER_CAPACITY', 'no place left', { capacity: m.capacity }));
  if (barred) return err(appError('MENTORING.BARRED', barred, { reason: BARRIER_LABELS[barred] }));
  const { score, reasons } = scorePair(m, y, await districtNames(deps));
  return ok({ mentorId, mentorName: mentor.name, mentorOrg: mentor.orgName, score, reasons });
}

/** A selected youth of the current record by id, if the admin covers it. */
export async function selectedInScope(
  deps: ServerDeps,
  actor: Actor,
  nominationId: string,
): Promise<NominationDoc | null> {
  const n = await deps.store.collection<NominationDoc>(C.nominations).get(nominationId);
  return n && n.status === 'approved' && coversRecord(deps, actor, n) ? n : null;
}

/** What the profile and goals forms choose from. */
export async function optionsView(deps: ServerDeps): Promise<OptionsView> {
  const districts = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ level: 'district' }, { sort: { order: 1, _id: 1 }, projection: { name: 1 } });
  return {
    sectors: SECTORS.map((id) => ({ id, label: SECTOR_LABELS[id] })),
    expertise: await expertiseList(deps),
    districts: districts.map((d) => ({ id: d._id, name: d.name })),
  };
}
