import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type ReserveDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { reserveView, youthInScope } from '../area';

/**
 * A cadre nominates a 好青年 of their units as a reserve cadre (后备干部, R5.2) with a reason; the district decides.
 * One record per youth, by nomination id: a second nomination is refused (a concurrent one loses the insert).
 */
export const nominateReserve: Handler<typeof cultivationContract.actions.nominateReserve> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const youth = await youthInScope(deps, actor, input.nominationId, true);
  if (!youth.ok) return youth;
  const n = youth.value;
  const pool = deps.store.collection<ReserveDoc>(C.reserveCadres);
  if (await pool.get(n._id)) return err(appError('CULTIVATION.RESERVE_EXISTS', 'already nominated'));
  const doc: ReserveDoc = {
    _id: n._id,
    periodId: n.periodId,
    unitId: n.unitId,
    districtId: n.districtId,
    youthOpenid: n.youthOpenid,
    name: n.name,
    status: 'nominated',
    createdAt: now,
    updatedAt: now,
    history: [
      { at: now, action: 'nominate', actor: actor.openid, actorName: actor.displayName ?? '', comment: input.reason },
    ],
  };
  await pool.insert(doc);
  ctx.audit({ target: `reserveCadres/${doc._id}`, details: { event: 'nominate', reason: input.reason } });
  if (n.districtId)
    await notifyRole(ctx, { role: 'districtAdmin', orgId: n.districtId }, 'reserve.nominated', { name: n.name });
  return ok(reserveView(doc, (await getOrg(deps, n.unitId))?.name ?? ''));
};
