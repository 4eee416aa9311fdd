/** A period's rules as the form edits them (the fields of `PERIOD_FIELDS`), and the checks of a next period. */
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { PERIOD_FIELDS, periodDiff, type PeriodChange, type PeriodForm } from '../../../miniprogram/core/registry';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type PeriodDoc } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';

export const formOf = (p: PeriodDoc): PeriodForm =>
  Object.fromEntries(Object.keys(PERIOD_FIELDS).map((k) => [k, p[k as keyof PeriodForm]])) as PeriodForm;

/** Birth cutoff before the reference date; opening before the deadline, the deadline no later than filing. */
function inOrder(rules: PeriodForm): boolean {
  const at = (iso: string) => Date.parse(iso);
  return (
    rules.cutoffBirthDate < rules.referenceDate &&
    at(rules.nominationOpensAt) < at(rules.nominationDeadline) &&
    at(rules.nominationDeadline) <= at(rules.filingDeadline)
  );
}

/** A later reference date, under an id (its year) no period has yet. */
async function comesAfter(ctx: ActionContext, prev: PeriodDoc, rules: PeriodForm): Promise<boolean> {
  if (rules.referenceDate <= prev.referenceDate) return false;
  return (await ctx.deps.store.collection<PeriodDoc>(C.periods).get(rules.referenceDate.slice(0, 4))) === null;
}

/** What the next period changes from the last, if its rules hold together and it comes after the last. */
export async function checkNext(
  ctx: ActionContext,
  prev: PeriodDoc | null,
  rules: PeriodForm,
): Promise<Result<PeriodChange[], CodedError<'PERIOD.INVALID'>>> {
  if (!inOrder(rules)) return err(appError('PERIOD.INVALID', 'dates out of order'));
  if (prev && !(await comesAfter(ctx, prev, rules)))
    return err(appError('PERIOD.INVALID', 'the new period must come after the last one', { field: 'referenceDate' }));
  return ok(periodDiff(prev ? formOf(prev) : null, rules));
}
