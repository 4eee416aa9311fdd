/** A period's rules as the form edits them (the fields of `PERIOD_FIELDS`). */
import { PERIOD_FIELDS, type PeriodForm } from '../../../miniprogram/core/registry';
import type { PeriodDoc } from '../../_lib/collections';

export const formOf = (p: PeriodDoc): PeriodForm =>
  Object.fromEntries(Object.keys(PERIOD_FIELDS).map((k) => [k, p[k as keyof PeriodForm]])) as PeriodForm;
