/** Filing locks (R4.4): a filed list cannot change until the district or city reopens it. */
import { appError, type CodedError } from '../../miniprogram/core/errors';
import { filingId, filingSubjectOf, isLocked } from '../../miniprogram/core/filing';
import { err, ok, type Result } from '../../miniprogram/core/result';
import { C, type FilingDoc, type OrgDoc } from './collections';
import type { ServerDeps } from './deps';

export function filingIdFor(periodId: string, unit: OrgDoc): string {
  return filingId(periodId, filingSubjectOf(unit));
}

export async function unlocked(
  deps: ServerDeps,
  periodId: string,
  unit: OrgDoc,
): Promise<Result<null, CodedError<'FILING.LOCKED'>>> {
  const filing = await deps.store.collection<FilingDoc>(C.filings).get(filingIdFor(periodId, unit));
  return filing && isLocked(filing.state) ? err(appError('FILING.LOCKED', 'the filed list is locked')) : ok(null);
}
