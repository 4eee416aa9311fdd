/** Filing (备案, R4.4): a unit files its approved list, which then stays locked until reopened. */
import type { Org, UnitCategory } from './org';
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
