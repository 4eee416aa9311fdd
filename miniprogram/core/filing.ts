/** Filing (备案, R4.4): a unit files its approved list, which then stays locked until reopened. */
import type { Org, RoleGrant, UnitCategory } from './org';
import { grantsCover } from './scope';

export const FILING_STATES = ['open', 'filed', 'reopened'] as const;
export type FilingState = (typeof FILING_STATES)[number];

export const FILING_LABELS: Record<FilingState, string> = { open: '未备案', filed: '已备案', reopened: '已退回重报' };

/** A filed list is locked: approvals and withdrawals in it need the district or city to reopen it. */
export function isLocked(state: FilingState): boolean {
  return state === 'filed';
}

/** The uploader confirms the stamped table's row count; a mismatch is flagged to the district. */
export function rowCountMismatch(confirmedRows: number, approvedRows: number): boolean {
  return confirmedRows !== approvedRows;
}

/**
 * R4.5 the printed, stamped summary table comes back as one PDF or as photos,
 * one photo a page (at most 9, what WeChat's picker offers at once).
 */
export const SCAN_KINDS = ['pdf', 'photos'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];
export const MAX_SCAN_PHOTOS = 9;
export const MAX_SCAN_PAGES = 200;

/**
 * Which field of a scan's shape is wrong, if any: a PDF is exactly one file
 * (its pages as the uploader counts them); photos are one a page, so their
 * number is the page count.
 */
export function scanShapeIssue(kind: ScanKind, fileCount: number, pageCount: number): 'files' | 'pageCount' | null {
  if (kind === 'pdf') return fileCount === 1 ? null : 'files';
  return pageCount === fileCount ? null : 'pageCount';
}

/**
 * R4.4 who files what: city- and county-level party_gov, soe and central_soe
 * units file their own list; a district files its two_new and
 * other_grassroots units together ("其他基层领域工作由各区、县（市）单独备案").
 */
export const SELF_FILING: readonly UnitCategory[] = ['party_gov', 'soe', 'central_soe'];

export type FilingKind = 'unit' | 'district';

export function filingSubjectOf(unit: Pick<Org, '_id' | 'districtId' | 'category'>): {
  kind: FilingKind;
  orgId: string;
} {
  if (unit.category && !SELF_FILING.includes(unit.category) && unit.districtId)
    return { kind: 'district', orgId: unit.districtId };
  return { kind: 'unit', orgId: unit._id };
}

export function filingId(periodId: string, subject: { kind: FilingKind; orgId: string }): string {
  return `${periodId}:${subject.kind}:${subject.orgId}`;
}

/** The inverse of `filingId`; null for anything that is not one. */
export function parseFilingId(id: string): { periodId: string; kind: FilingKind; orgId: string } | null {
  const [periodId, kind, orgId, ...rest] = id.split(':');
  if (rest.length > 0 || !periodId || !orgId || (kind !== 'unit' && kind !== 'district')) return null;
  return { periodId, kind, orgId };
}

/** Who files one list, and whose approved youths it holds. */
export interface FilingSubject {
  kind: FilingKind;
  orgId: string;
  name: string;
  districtId: string | null;
  /** The units whose approved youths this filing covers. */
  unitIds: string[];
}

type SubjectOrg = Pick<Org, '_id' | 'name' | 'level' | 'districtId' | 'category'>;

/** A unit that files its own list; null for a unit its district files for, or for anything but a unit. */
export function unitFilingSubject(org: SubjectOrg): FilingSubject | null {
  return org.level === 'unit' && filingSubjectOf(org).kind === 'unit' ? ownSubject(org) : null;
}

function ownSubject(unit: SubjectOrg): FilingSubject {
  return { kind: 'unit', orgId: unit._id, name: unit.name, districtId: unit.districtId, unitIds: [unit._id] };
}

function districtSubject(district: Pick<Org, '_id' | 'name'>, unitIds: string[]): FilingSubject {
  return {
    kind: 'district',
    orgId: district._id,
    // The list holds the district's 两新 units as well as its other grassroots ones (issue 9 §17).
    name: `${district.name}（两新组织及其他基层领域）`,
    districtId: district._id,
    unitIds,
  };
}

/** A district's list of its two_new and other grassroots units (`units` may hold any units; the rest are ignored). */
export function districtFilingSubject(
  district: SubjectOrg,
  units: readonly Pick<Org, '_id' | 'districtId' | 'category'>[],
): FilingSubject | null {
  if (district.level !== 'district') return null;
  const ids = units.filter((u) => {
    const s = filingSubjectOf(u);
    return s.kind === 'district' && s.orgId === district._id;
  });
  return districtSubject(
    district,
    ids.map((u) => u._id),
  );
}

/** R4.4 the filing subjects among these units: each self-filing unit, and each district for its grassroots units. */
export function filingSubjects(units: readonly SubjectOrg[], districts: readonly SubjectOrg[]): FilingSubject[] {
  const grassroots = new Map<string, string[]>();
  const subjects: FilingSubject[] = [];
  for (const u of units) {
    const s = filingSubjectOf(u);
    if (s.kind === 'unit') subjects.push(ownSubject(u));
    else if (grassroots.has(s.orgId)) grassroots.get(s.orgId)?.push(u._id);
    else grassroots.set(s.orgId, [u._id]);
  }
  for (const d of districts) {
    const ids = grassroots.get(d._id);
    if (ids) subjects.push(districtSubject(d, ids));
  }
  return subjects;
}

/** A subject's approved rows or open objections: the sum of its units' counts. */
export function sumOver(unitIds: readonly string[], counts: ReadonlyMap<string, number>): number {
  return unitIds.reduce((n, id) => n + (counts.get(id) ?? 0), 0);
}

/** The role that files a subject: the unit's admin, or for a district's grassroots list the district's. */
export function filerRole(kind: FilingKind): 'unitAdmin' | 'districtAdmin' {
  return kind === 'unit' ? 'unitAdmin' : 'districtAdmin';
}

/** Who receives a subject's filing and may reopen it: its district, or the city for city-level units. */
export function overseerOf(
  s: Pick<FilingSubject, 'districtId'>,
  cityOrgId: string,
): { role: 'districtAdmin' | 'cityAdmin'; orgId: string } {
  return s.districtId ? { role: 'districtAdmin', orgId: s.districtId } : { role: 'cityAdmin', orgId: cityOrgId };
}

const subjectOrg = (s: FilingSubject) => ({ _id: s.orgId, districtId: s.districtId, level: s.kind });

/** Only the subject's own admin files it (and attaches its stamped table). */
export function canFile(grants: readonly RoleGrant[], s: FilingSubject): boolean {
  return grantsCover(grants, subjectOrg(s), [filerRole(s.kind)]);
}

/** The district (or the city) oversees a subject: it sees it and reopens it. */
export function canOversee(grants: readonly RoleGrant[], s: FilingSubject): boolean {
  return grantsCover(grants, subjectOrg(s), ['districtAdmin', 'cityAdmin']);
}
