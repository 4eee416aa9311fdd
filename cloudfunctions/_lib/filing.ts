/** Filing locks (R4.4): a filed list cannot change until the district or city reopens it. */
import { appError, type CodedError } from '../../miniprogram/core/errors';
import { filingId, filingSubjectOf, isLocked } from '../../miniprogram/core/filing';
import { err, ok, type Result } from '../../miniprogram/core/result';
import { C, type FilingDoc, type OrgDoc } from './collections';
import type { ServerDeps } from './deps';
import { touch } from './limits';

export function filingIdFor(periodId: string, unit: OrgDoc): string {
  return filingId(periodId, filingSubjectOf(unit));
}

/** The document every change to a list and every filing of it writes, so that the two never both commit. */
export function filingGuardKey(filingId: string): string {
  return `filing-guard:${filingId}`;
}

export async function unlocked(
  deps: ServerDeps,
  periodId: string,
  unit: OrgDoc,
): Promise<Result<null, CodedError<'FILING.LOCKED'>>> {
  const filing = await deps.store.collection<FilingDoc>(C.filings).get(filingIdFor(periodId, unit));
  return filing && isLocked(filing.state) ? err(appError('FILING.LOCKED', 'the filed list is locked')) : ok(null);
}

/**
 * Writes the list's guard, as `file` does: a change to the approved count and a filing of the same list then
 * cannot both commit (issue 8 §4), whichever comes first. Taken last, by moves that passed every other check, so
 * refused attempts (a full quota) never contend for it.
 */
export async function guardFiling(deps: ServerDeps, periodId: string, unit: OrgDoc, now: Date): Promise<void> {
  await touch(deps, filingGuardKey(filingIdFor(periodId, unit)), now);
}
