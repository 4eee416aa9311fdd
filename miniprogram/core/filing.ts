/** Filing (备案, R4.4): a unit files its approved list, which then stays locked until reopened. */
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
