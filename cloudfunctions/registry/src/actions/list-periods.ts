import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { nextPeriodDraft } from '../../../../miniprogram/core/registry';
import { ok } from '../../../../miniprogram/core/result';
import { C, type PeriodDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { formOf } from '../period-form';

/** The current period's rules and the next period as the form starts it (three years on, R1.1). */
export const periods: Handler<typeof registryContract.actions.periods> = async (_input, ctx) => {
  const current = await ctx.deps.store.collection<PeriodDoc>(C.periods).findOne({ current: true });
  if (!current) return ok({ current: null, draft: null });
  const form = formOf(current);
  return ok({ current: { ...form, id: current._id }, draft: nextPeriodDraft(form) });
};
