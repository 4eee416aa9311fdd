import { chinaDate } from '../../../../miniprogram/core/china-time';
import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { staleBefore } from '../../../../miniprogram/core/registry';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type YouthDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { takeSlot } from '../../../_lib/limits';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One tap reminds every stale record of a unit to confirm (issue 14): a message to each youth with an account,
 * once a day per unit (a counter taken in the transaction), and the count of those who have none yet.
 */
export const remindStale: Handler<typeof registryContract.actions.remindStale> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const unit = await getOrg(deps, input.unitId);
  if (!unit || unit.level !== 'unit') return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (!covers(actor, unit, ['unitAdmin', 'districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  const key = `remind-stale:${unit._id}:${chinaDate(now)}`;
  if (!(await takeSlot(deps, key, 1, { now, expiresAt: new Date(now.getTime() + 2 * DAY_MS) })))
    return err(appError('YOUTH.REMINDED', 'reminded today'));
  const due = await deps.store
    .collection<YouthDoc>(C.youths)
    .find(
      { unitId: unit._id, status: 'active', lastConfirmedAt: { $lt: staleBefore(now) } },
      { projection: { openid: 1 } },
    );
  let reminded = 0;
  for (const y of due) {
    if (!y.openid) continue;
    ctx.notify({ kind: 'youth.confirmDue', params: {}, to: y.openid });
    reminded += 1;
  }
  ctx.audit({
    target: `orgs/${unit._id}`,
    details: { event: 'remindStale', reminded, withoutAccount: due.length - reminded },
  });
  return ok({ reminded, withoutAccount: due.length - reminded });
};
