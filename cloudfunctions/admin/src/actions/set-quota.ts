import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../../miniprogram/core/period';
import { err, ok } from '../../../../miniprogram/core/result';
import { covers } from '../../../_lib/identity';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { changeQuota } from '../quota-change';
import { quotaView } from '../quota-view';

/** R3.2 the district or the city raises (or lowers) one unit's quota, with a recorded reason. */
export const setQuota: Handler<typeof adminContract.actions.setQuota> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const unit = await getOrg(deps, input.unitId);
  if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (unit.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'quotas belong to units'));
  if (!covers(actor, unit, ['districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  const changed = await changeQuota(ctx, {
    period: period as PeriodRules,
    unit,
    quota: input.quota,
    reason: input.reason,
  });
  if (!changed.ok) return changed;
  return ok({ quota: quotaView(unit, changed.value) });
};
