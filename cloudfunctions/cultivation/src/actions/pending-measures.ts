import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MeasureDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { cadreScope, measureView, paged, periodIdNow } from '../area';

/** Records the youths added that wait for the unit, oldest first. */
export const pendingMeasures: Handler<typeof cultivationContract.actions.pendingMeasures> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const period = await periodIdNow(deps, now);
  if (!period.ok) return period;
  const all = await deps.store
    .collection<MeasureDoc>(C.measures)
    .find({ periodId: period.value, ...scope.value.filter, status: 'pending' }, { sort: { createdAt: 1, _id: 1 } });
  const page = paged(all, input.page, input.pageSize);
  return ok({ ...page, items: page.items.map(measureView) });
};
