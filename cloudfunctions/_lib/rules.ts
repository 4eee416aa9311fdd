/** Server-side application of core rules, shared by the functions. */
import type { PeriodView } from '../../miniprogram/core/contracts/account';
import { checkEligibility, type Candidate, type Eligible } from '../../miniprogram/core/eligibility';
import { appError, type CodedError, type EligibilityCode } from '../../miniprogram/core/errors';
import type { PeriodRules } from '../../miniprogram/core/period';
import { err, ok, type Result } from '../../miniprogram/core/result';
import type { ServerDeps } from './deps';
import { currentPeriod } from './queries';

/** The current period, if its nomination window is open now (R4.3, China time). */
export async function openPeriod(
  deps: ServerDeps,
  now: Date,
): Promise<Result<PeriodView, CodedError<'PERIOD.NOT_FOUND' | 'PERIOD.NOT_OPEN' | 'PERIOD.CLOSED'>>> {
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  if (period.window === 'not_open')
    return err(appError('PERIOD.NOT_OPEN', 'nomination not open', { opensAt: period.nominationOpensAt }));
  if (period.window === 'closed')
    return err(appError('PERIOD.CLOSED', 'nomination closed', { deadline: period.nominationDeadline }));
  return ok(period);
}

/** R2.5: the server's verdict, as an error carrying the field and the values the message needs. */
export function enforceEligibility(
  candidate: Candidate,
  period: PeriodRules,
  now: Date,
): Result<Eligible, CodedError<EligibilityCode>> {
  const verdict = checkEligibility(candidate, period, now);
  if (verdict.ok) return verdict;
  const { code, field, params } = verdict.error;
  return err(appError(code, `ineligible: ${code}`, { field, ...params }));
}
