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

/**
 * The unit's list is not filed, and stays so until this transaction commits: the guard write makes a concurrent
 * `file` of the same list conflict with it (issue 8 §4), whichever commits first.
 */
export async function unlocked(
  deps: ServerDeps,
  periodId: string,
  unit: OrgDoc,
  now: Date,
): Promise<Result<null, CodedError<'FILING.LOCKED'>>> {
  const id = filingIdFor(periodId, unit);
  const filing = await deps.store.collection<FilingDoc>(C.filings).get(id);
  if (filing && isLocked(filing.state)) return err(appError('FILING.LOCKED', 'the filed list is locked'));
  await touch(deps, filingGuardKey(id), now);
  return ok(null);
}
