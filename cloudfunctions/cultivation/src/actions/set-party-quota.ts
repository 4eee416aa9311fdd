import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type PartyQuotaDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { quotaKey } from '../area';

/**
 * The district or the city gives a unit a separate quota of 推优 for its 好青年 in a year (名额单列, R6.2), with a
 * reason; never below the places already used (conditional on them).
 */
export const setPartyQuota: Handler<typeof cultivationContract.actions.setPartyQuota> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const unit = await getOrg(deps, input.unitId);
  if (!unit) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (unit.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'not a unit'));
  if (!covers(actor, unit, ['districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  const quotas = deps.store.collection<PartyQuotaDoc>(C.partyQuotas);
  const id = quotaKey(input.year, unit._id);
  const q = await quotas.get(id);
  const fields = { limit: input.limit, reason: input.reason, setBy: actor.openid, updatedAt: now };
  if (!q) {
    await quotas.insert({
      _id: id,
      unitId: unit._id,
      districtId: unit.districtId,
      year: input.year,
      used: 0,
      ...fields,
    });
  } else {
    const changed =
      q.used <= input.limit ? await quotas.updateOne({ _id: id, used: { $lte: input.limit } }, { $set: fields }) : 0;
    if (changed !== 1) return err(appError('CULTIVATION.QUOTA_BELOW_USED', 'below the places used', { used: q.used }));
  }
  ctx.audit({ target: `partyQuotas/${id}`, details: { limit: input.limit, reason: input.reason } });
  const saved = await quotas.get(id);
  return ok({ year: input.year, limit: input.limit, used: saved?.used ?? 0 });
};
